package io.ternmq.server.config;

import java.util.Locale;

/** A logback level for the broker's own loggers (io.ternmq): ERROR, WARN, INFO, DEBUG or TRACE. */
public record LogLevel() implements ValueType<String> {

    @Override
    public String parse(String text) {
        String level = text.strip().toUpperCase(Locale.ROOT);
        return switch (level) {
            case "ERROR", "WARN", "INFO", "DEBUG", "TRACE" -> level;
            default -> throw new InvalidValueException("one of ERROR, WARN, INFO, DEBUG, TRACE");
        };
    }

    @Override
    public String format(String value) {
        return value;
    }

    @Override
    public String describe() {
        return "ERROR, WARN, INFO, DEBUG or TRACE";
    }
}
