package io.ternmq.server.admin;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One HTTP request as the routes see it.
 *
 * @param path  the decoded path, e.g. {@code /api/v1/retained/a/b}
 * @param query decoded query parameters; the last one wins when a name repeats
 */
record ApiRequest(String method, String path, Map<String, String> query, byte[] body) {

    static Map<String, String> parseQuery(@org.jspecify.annotations.Nullable String rawQuery) {
        Map<String, String> query = new HashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return query;
        }
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = equals < 0 ? pair : pair.substring(0, equals);
            String value = equals < 0 ? "" : pair.substring(equals + 1);
            query.put(decode(name), decode(value));
        }
        return query;
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException badEscape) {
            throw ApiError.badRequest("bad percent-encoding in query: " + text);
        }
    }

    Optional<String> param(String name) {
        return Optional.ofNullable(query.get(name));
    }
}
