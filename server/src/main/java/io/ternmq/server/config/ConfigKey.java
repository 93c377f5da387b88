package io.ternmq.server.config;

import java.util.Locale;

/**
 * One configuration key: its dotted name ({@code section.field}, as nested in YAML), its type and what it does.
 * The environment variable is derived from the name so the two can never disagree.
 */
public record ConfigKey<T>(String name, ValueType<T> type, String description) {

    public static final String ENVIRONMENT_PREFIX = "TERNMQ_";

    public ConfigKey {
        if (name.indexOf('.') <= 0 || name.indexOf('.') != name.lastIndexOf('.')) {
            throw new IllegalArgumentException("a key is section.field, was " + name);
        }
    }

    public String section() {
        return name.substring(0, name.indexOf('.'));
    }

    public String field() {
        return name.substring(name.indexOf('.') + 1);
    }

    /** {@code limits.max_packet_size} is set by {@code TERNMQ_LIMITS_MAX_PACKET_SIZE}. */
    public String environmentVariable() {
        return ENVIRONMENT_PREFIX + name.replace('.', '_').toUpperCase(Locale.ROOT);
    }

    /** Parses raw text, turning a rejection into a message that names the origin, the key and the text. */
    public T parse(RawValue raw) {
        try {
            return type.parse(raw.text());
        } catch (InvalidValueException rejected) {
            throw new ConfigException(raw.origin(),
                    name + " must be " + rejected.requirement() + ", was " + quoteUnlessNumber(raw.text()));
        }
    }

    private static String quoteUnlessNumber(String text) {
        return text.matches("-?\\d+") ? text : "'" + text + "'";
    }
}
