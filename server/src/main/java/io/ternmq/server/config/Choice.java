package io.ternmq.server.config;

import java.util.List;
import java.util.Locale;

/** One word out of a fixed list, compared without regard to case, e.g. {@code tls} out of tcp, tls, ws, wss. */
public record Choice(List<String> words) implements ValueType<String> {

    public Choice {
        words = List.copyOf(words);
    }

    public static Choice of(String... words) {
        return new Choice(List.of(words));
    }

    @Override
    public String parse(String text) {
        String word = text.strip().toLowerCase(Locale.ROOT);
        if (!words.contains(word)) {
            throw new InvalidValueException("one of " + String.join(", ", words));
        }
        return word;
    }

    @Override
    public String format(String value) {
        return value;
    }

    @Override
    public String describe() {
        return String.join(" | ", words);
    }
}
