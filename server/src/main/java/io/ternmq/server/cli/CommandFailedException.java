package io.ternmq.server.cli;

/** A command could not do what it was asked; the message is what the operator sees on stderr (exit code 1). */
final class CommandFailedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    CommandFailedException(String message) {
        super(message);
    }

    CommandFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
