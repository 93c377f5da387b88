package io.ternmq.server.config;

import java.util.Locale;

/** {@code true} or {@code false}; nothing else, so that a typo cannot silently mean either. */
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
