package io.ternmq.server.config;

/**
 * Text that must not be shown: a token or password. Formatting masks it, so the startup summary, {@code --dry-run}
 * and the admin API never print it. Empty means "not set".
 */
public record Secret(int maxLength) implements ValueType<String> {

    public static final String MASK = "****";

    @Override
    public String parse(String text) {
        if (text.length() > maxLength || text.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidValueException("text of at most " + maxLength + " characters without control characters");
        }
        return text;
    }

    @Override
    public String format(String value) {
        return value.isEmpty() ? "" : MASK;
    }

    @Override
    public String describe() {
        return "secret text (empty = not set; shown masked)";
    }
}
