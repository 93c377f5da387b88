package io.ternmq.server.config;

import java.util.regex.Pattern;

/**
 * A host name or IP literal to bind to. Only its spelling is checked here: resolving a name at configuration time
 * could block on DNS, and the listener reports an address it cannot bind with the address in the message.
 */
public record HostAddress() implements ValueType<String> {

    private static final Pattern HOST = Pattern.compile("[0-9A-Za-z._:%\\-\\[\\]]+");

    @Override
    public String parse(String text) {
        String trimmed = text.strip();
        if (!HOST.matcher(trimmed).matches()) {
            throw new InvalidValueException("a host name or IP address such as 0.0.0.0, 127.0.0.1 or ::");
        }
        return trimmed;
    }

    @Override
    public String format(String value) {
        return value;
    }

    @Override
    public String describe() {
        return "host name or IP address";
    }
}
