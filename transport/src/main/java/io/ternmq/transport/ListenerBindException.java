package io.ternmq.transport;

/** A listener could not bind its address, typically because the port is taken. The message names both. */
public final class ListenerBindException extends RuntimeException {

    ListenerBindException(ListenerConfig listener, Throwable cause) {
        super("cannot listen on " + listener.bind() + ":" + listener.port() + " (listener '" + listener.name()
                + "'): " + cause.getMessage(), cause);
    }
}
