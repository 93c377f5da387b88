package io.ternmq.server.config;

/**
 * Thrown by a {@link ValueType} for text it rejects; carries only the requirement ("0..65535") so the caller can
 * name the key, the origin and the offending text in one message.
 */
final class InvalidValueException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    InvalidValueException(String requirement) {
        super(requirement, null, false, false);
    }

    String requirement() {
        return getMessage();
    }
}
