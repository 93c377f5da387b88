package io.ternmq.server.config;

import java.util.regex.Pattern;

/** A whole number within {@code min..max}; YAML-style digit separators ({@code 10_000}) are allowed. */
public record IntegerRange(int min, int max) implements ValueType<Integer> {

    private static final Pattern INTEGER = Pattern.compile("[+-]?\\d[\\d_]*");

    @Override
    public Integer parse(String text) {
        String trimmed = text.strip();
        if (!INTEGER.matcher(trimmed).matches()) {
            throw new InvalidValueException("an integer " + min + ".." + max);
        }
        long value;
        try {
            value = Long.parseLong(trimmed.replace("_", ""));
        } catch (NumberFormatException tooLong) {
            throw new InvalidValueException(min + ".." + max);
        }
        if (value < min || value > max) {
            throw new InvalidValueException(min + ".." + max);
        }
        return (int) value;
    }

    @Override
    public String format(Integer value) {
        return value.toString();
    }

    @Override
    public String describe() {
        return "integer " + min + ".." + max;
    }
}
