package io.ternmq.server.config;

import java.util.List;
import java.util.Locale;

/** One of a fixed set of words, e.g. {@code wal|fsync|memory}; matched case-insensitively. */
public record Choice(List<String> choices) implements ValueType<String> {

    public Choice {
        choices = List.copyOf(choices);
    }

    @Override
    public String parse(String text) {
        String word = text.strip().toLowerCase(Locale.ROOT);
        if (!choices.contains(word)) {
            throw new InvalidValueException("one of " + String.join(", ", choices));
        }
        return word;
    }

    @Override
    public String format(String value) {
        return value;
    }

    @Override
    public String describe() {
        return String.join("|", choices);
    }
}
