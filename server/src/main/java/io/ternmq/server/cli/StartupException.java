package io.ternmq.server.cli;

/** The broker could not start; the message is what the operator sees on stderr. */
final class StartupException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    StartupException(String message, Throwable cause) {
        super(message, cause);
    }
}
