package io.ternmq.server.security;

import io.ternmq.core.auth.ClientIdentity;
import org.jspecify.annotations.Nullable;

import java.util.ArrayList;
import java.util.List;

/**
 * A filter with {@code %u} (user name) and {@code %c} (client id) in it. Kept as levels of parts so a PUBLISH is
 * matched by comparing regions of the topic in place, with no string built per message. It does not apply to a
 * client that lacks a substituted value (no user name for {@code %u}) or whose value contains '/', '+' or '#':
 * such a value would reach other clients' topics.
 */
record PatternFilter(Level[] levels) implements RuleFilter {

    /** One level of the filter. */
    sealed interface Level permits Text, SingleWildcard, MultiWildcard {
    }

    /** A level of literal parts and substitutions, e.g. {@code dev-%c}. */
    record Text(Part[] parts) implements Level {
    }

    record SingleWildcard() implements Level {
    }

    record MultiWildcard() implements Level {
    }

    enum Kind { LITERAL, USER_NAME, CLIENT_ID }

    record Part(Kind kind, String literal) {
    }

    /** Compiles {@code filter}; returns null for an unknown '%' escape (the parser reports it). */
    static @Nullable PatternFilter compile(String filter) {
        String[] rawLevels = FilterRelations.levels(filter);
        Level[] levels = new Level[rawLevels.length];
        for (int i = 0; i < rawLevels.length; i++) {
            String raw = rawLevels[i];
            if (raw.equals("+")) {
                levels[i] = new SingleWildcard();
            } else if (raw.equals("#")) {
                levels[i] = new MultiWildcard();
            } else {
                Part[] parts = parts(raw);
                if (parts == null) {
                    return null;
                }
                levels[i] = new Text(parts);
            }
        }
        return new PatternFilter(levels);
    }

    private static Part @Nullable [] parts(String level) {
        List<Part> parts = new ArrayList<>();
        StringBuilder literal = new StringBuilder();
        for (int i = 0; i < level.length(); i++) {
            char c = level.charAt(i);
            if (c != '%') {
                literal.append(c);
                continue;
            }
            char next = i + 1 < level.length() ? level.charAt(i + 1) : 0;
            Kind kind = next == 'u' ? Kind.USER_NAME : next == 'c' ? Kind.CLIENT_ID : null;
            if (kind == null) {
                return null;
            }
            if (!literal.isEmpty()) {
                parts.add(new Part(Kind.LITERAL, literal.toString()));
                literal.setLength(0);
            }
            parts.add(new Part(kind, ""));
            i++;
        }
        if (!literal.isEmpty()) {
            parts.add(new Part(Kind.LITERAL, literal.toString()));
        }
        return parts.toArray(Part[]::new);
    }

    @Override
    public boolean matches(String topic, ClientIdentity client) {
        if (!appliesTo(client)) {
            return false;
        }
        if (!topic.isEmpty() && topic.charAt(0) == '$' && !(levels[0] instanceof Text)) {
            return false; // [MQTT-4.7.2-1]
        }
        int start = 0; // of the current topic level; -1 once the topic has no more levels
        for (Level level : levels) {
            if (level instanceof MultiWildcard) {
                return true; // also when the topic ended: "a/#" matches "a"
            }
            if (start < 0) {
                return false;
            }
            int slash = topic.indexOf('/', start);
            int end = slash < 0 ? topic.length() : slash;
            if (level instanceof Text text && !matchesLevel(text.parts(), topic, start, end, client)) {
                return false;
            }
            start = slash < 0 ? -1 : slash + 1;
        }
        return start < 0;
    }

    private static boolean matchesLevel(Part[] parts, String topic, int start, int end, ClientIdentity client) {
        int at = start;
        for (Part part : parts) {
            String value = value(part, client);
            if (value == null || at + value.length() > end || !topic.regionMatches(at, value, 0, value.length())) {
                return false;
            }
            at += value.length();
        }
        return at == end;
    }

    @Override
    public String @Nullable [] levelsFor(ClientIdentity client) {
        if (!appliesTo(client)) {
            return null;
        }
        String[] result = new String[levels.length];
        for (int i = 0; i < levels.length; i++) {
            result[i] = switch (levels[i]) {
                case SingleWildcard s -> "+";
                case MultiWildcard m -> "#";
                case Text text -> {
                    StringBuilder level = new StringBuilder();
                    for (Part part : text.parts()) {
                        level.append(value(part, client));
                    }
                    yield level.toString();
                }
            };
        }
        return result;
    }

    private boolean appliesTo(ClientIdentity client) {
        for (Level level : levels) {
            if (level instanceof Text text) {
                for (Part part : text.parts()) {
                    if (part.kind() != Kind.LITERAL && !isSafe(value(part, client))) {
                        return false;
                    }
                }
            }
        }
        return true;
    }

    private static @Nullable String value(Part part, ClientIdentity client) {
        return switch (part.kind()) {
            case LITERAL -> part.literal();
            case USER_NAME -> client.username();
            case CLIENT_ID -> client.clientId();
        };
    }

    private static boolean isSafe(@Nullable String value) {
        if (value == null || value.isEmpty()) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '/' || c == '+' || c == '#') {
                return false;
            }
        }
        return true;
    }
}
