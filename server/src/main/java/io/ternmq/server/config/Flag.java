package io.ternmq.server.config;

import java.util.Locale;

/** A yes/no setting, written {@code true} or {@code false}. */
public record Flag() implements ValueType<Boolean> {

    @Override
    public Boolean parse(String text) {
        return switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new InvalidValueException("true or false");
        };
    }

    @Override
    public String format(Boolean value) {
        return value.toString();
    }

    @Override
    public String describe() {
        return "true or false";
    }
}
