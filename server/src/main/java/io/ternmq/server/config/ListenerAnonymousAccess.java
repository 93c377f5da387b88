package io.ternmq.server.config;

import io.ternmq.server.security.AnonymousAccess;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Anonymous access per listener name, overriding {@code auth.allow_anonymous}: {@code name=true|false} pairs
 * separated by commas, e.g. {@code tcp=false, local=true}; empty for none.
 */
public record ListenerAnonymousAccess() implements ValueType<Map<String, AnonymousAccess>> {

    private static final AnonymousAccessFlag FLAG = new AnonymousAccessFlag();
    private static final String REQUIREMENT = "listener=true|false pairs separated by commas, e.g. tcp=false";

    @Override
    public Map<String, AnonymousAccess> parse(String text) {
        Map<String, AnonymousAccess> result = new LinkedHashMap<>();
        if (text.isBlank()) {
            return result;
        }
        for (String pair : text.split(",", -1)) {
            String[] nameAndFlag = pair.split("=", -1);
            if (nameAndFlag.length != 2 || nameAndFlag[0].isBlank()) {
                throw new InvalidValueException(REQUIREMENT);
            }
            AnonymousAccess access;
            try {
                access = FLAG.parse(nameAndFlag[1]);
            } catch (InvalidValueException notAFlag) {
                throw new InvalidValueException(REQUIREMENT);
            }
            if (result.put(nameAndFlag[0].strip(), access) != null) {
                throw new InvalidValueException(REQUIREMENT + ", each listener once");
            }
        }
        return result;
    }

    @Override
    public String format(Map<String, AnonymousAccess> value) {
        return value.entrySet().stream().map(e -> e.getKey() + "=" + FLAG.format(e.getValue()))
                .collect(Collectors.joining(","));
    }

    @Override
    public String describe() {
        return "listener=true|false, ...";
    }
}
