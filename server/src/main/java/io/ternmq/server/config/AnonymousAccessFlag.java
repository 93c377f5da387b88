package io.ternmq.server.config;

import io.ternmq.server.security.AnonymousAccess;

/** {@code true} or {@code false}: whether clients without a user name may connect. */
public record AnonymousAccessFlag() implements ValueType<AnonymousAccess> {

    @Override
    public AnonymousAccess parse(String text) {
        return switch (text.strip()) {
            case "true" -> AnonymousAccess.ALLOWED;
            case "false" -> AnonymousAccess.DENIED;
            default -> throw new InvalidValueException("true or false");
        };
    }

    @Override
    public String format(AnonymousAccess value) {
        return value == AnonymousAccess.ALLOWED ? "true" : "false";
    }

    @Override
    public String describe() {
        return "true or false";
    }
}
