package io.ternmq.server.admin;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Optional;

/**
 * Who may use the REST API: a bearer token, a user name and password (HTTP Basic), both, or neither (then every
 * API request is refused). Comparisons take the same time wherever the first difference is.
 */
public record AdminCredentials(String token, String username, String password) {

    public static final AdminCredentials NONE = new AdminCredentials("", "", "");

    public boolean configured() {
        return !token.isEmpty() || !username.isEmpty();
    }

    /** What an Authorization header proves. */
    enum Verdict { ALLOWED, MISSING, WRONG }

    Verdict check(Optional<String> authorization) {
        if (authorization.isEmpty() || authorization.get().isBlank()) {
            return Verdict.MISSING;
        }
        String header = authorization.get().strip();
        int space = header.indexOf(' ');
        String scheme = space < 0 ? header : header.substring(0, space);
        String value = space < 0 ? "" : header.substring(space + 1).strip();
        if (scheme.equalsIgnoreCase("Bearer")) {
            return !token.isEmpty() && same(value, token) ? Verdict.ALLOWED : Verdict.WRONG;
        }
        if (scheme.equalsIgnoreCase("Basic")) {
            return !username.isEmpty() && same(decode(value), username + ":" + password)
                    ? Verdict.ALLOWED : Verdict.WRONG;
        }
        return Verdict.WRONG;
    }

    private static String decode(String base64) {
        try {
            return new String(Base64.getDecoder().decode(base64), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException notBase64) {
            return "";
        }
    }

    private static boolean same(String given, String expected) {
        return MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
        return "AdminCredentials[token=" + (token.isEmpty() ? "none" : "****") + ", username=" + username + "]";
    }
}
