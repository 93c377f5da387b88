package io.ternmq.server;

/** The broker could not start: its port is taken, its data directory cannot be created, and so on. */
public final class BrokerStartException extends RuntimeException {

    BrokerStartException(String message, Throwable cause) {
        super(message, cause);
    }
}
