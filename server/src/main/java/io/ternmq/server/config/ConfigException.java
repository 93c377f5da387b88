package io.ternmq.server.config;

/** A configuration that cannot be used; the message names where (file and line, variable or flag) and what. */
public final class ConfigException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ConfigException(String message) {
        super(message);
    }

    public ConfigException(Origin origin, String problem) {
        super(origin.describe() + ": " + problem);
    }

    public ConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
