package io.ternmq.server.config;

import java.util.regex.Pattern;

/** A listener's name: short, and safe in logs, metrics labels and ACL or auth settings that refer to it. */
public record ListenerName() implements ValueType<String> {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,31}");

    @Override
    public String parse(String text) {
        String trimmed = text.strip();
        if (!NAME.matcher(trimmed).matches()) {
            throw new InvalidValueException("1 to 32 letters, digits, '_' or '-', starting with a letter or digit");
        }
        return trimmed;
    }

    @Override
    public String format(String value) {
        return value;
    }

    @Override
    public String describe() {
        return "name of letters, digits, '_' and '-'";
    }
}
