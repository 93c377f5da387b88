package io.ternmq.server.config;

import java.nio.charset.StandardCharsets;

/**
 * Free text sent to clients as an MQTT UTF-8 string: at most {@code maxBytes} UTF-8 bytes, no control characters
 * (U+0000 included, which MQTT forbids). Empty means "not set".
 */
public record PlainText(int maxBytes) implements ValueType<String> {

    @Override
    public String parse(String text) {
        if (text.getBytes(StandardCharsets.UTF_8).length > maxBytes || text.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidValueException("text of at most " + maxBytes + " UTF-8 bytes without control characters");
        }
        return text;
    }

    @Override
    public String format(String value) {
        return value;
    }

    @Override
    public String describe() {
        return "text (empty = not set)";
    }
}
