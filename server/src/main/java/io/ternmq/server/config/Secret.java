package io.ternmq.server.config;

/** A password: any non-empty text, never shown (reports print {@code ***}). */
public record Secret() implements ValueType<String> {

    @Override
    public String parse(String text) {
        if (text.isEmpty()) {
            throw new InvalidValueException("a non-empty password");
        }
        return text;
    }

    @Override
    public String format(String value) {
        return "***";
    }

    @Override
    public String describe() {
        return "password";
    }
}
