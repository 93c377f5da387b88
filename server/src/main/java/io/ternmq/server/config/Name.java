package io.ternmq.server.config;

import java.util.regex.Pattern;

/** A plain name such as a user name: letters, digits and {@code . _ - @}; empty means "not set". */
public record Name() implements ValueType<String> {

    private static final Pattern NAME = Pattern.compile("[0-9A-Za-z._@\\-]{0,64}");

    @Override
    public String parse(String text) {
        String trimmed = text.strip();
        if (!NAME.matcher(trimmed).matches()) {
            throw new InvalidValueException("at most 64 letters, digits or . _ - @");
        }
        return trimmed;
    }

    @Override
    public String format(String value) {
        return value;
    }

    @Override
    public String describe() {
        return "name (letters, digits, . _ - @; empty = not set)";
    }
}
