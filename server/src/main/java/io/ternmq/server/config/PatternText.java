package io.ternmq.server.config;

import java.util.regex.Pattern;

/**
 * Text whose spelling must match a pattern once trimmed: host names, user names, listener names.
 *
 * @param requirement what the error message says a valid value looks like
 * @param description how {@code --help} and the key list describe the value
 */
public record PatternText(Pattern pattern, String requirement, String description) implements ValueType<String> {

    /**
     * A host name or IP literal to bind to. Only its spelling is checked: resolving a name at configuration time
     * could block on DNS, and the listener reports an address it cannot bind with the address in the message.
     */
    public static PatternText hostAddress() {
        return new PatternText(Pattern.compile("[0-9A-Za-z._:%\\-\\[\\]]+"),
                "a host name or IP address such as 0.0.0.0, 127.0.0.1 or ::", "host name or IP address");
    }

    /** A plain name such as a user name: letters, digits and {@code . _ - @}; empty means "not set". */
    public static PatternText name() {
        return new PatternText(Pattern.compile("[0-9A-Za-z._@\\-]{0,64}"), "at most 64 letters, digits or . _ - @",
                "name (letters, digits, . _ - @; empty = not set)");
    }

    /** A listener's name: short, and safe in logs, metrics labels and auth settings that refer to it. */
    public static PatternText listenerName() {
        return new PatternText(Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,31}"),
                "1 to 32 letters, digits, '_' or '-', starting with a letter or digit",
                "name of letters, digits, '_' and '-'");
    }

    @Override
    public String parse(String text) {
        String trimmed = text.strip();
        if (!pattern.matcher(trimmed).matches()) {
            throw new InvalidValueException(requirement);
        }
        return trimmed;
    }

    @Override
    public String format(String value) {
        return value;
    }

    @Override
    public String describe() {
        return description;
    }
}
