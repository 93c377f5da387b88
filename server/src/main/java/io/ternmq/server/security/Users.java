package io.ternmq.server.security;

import java.util.Map;

/**
 * The users of one loaded password file, immutable. An unknown user is checked against a hash no password
 * matches, with as many iterations as the costliest real one, so the time a refusal takes does not tell an
 * attacker whether the user exists.
 */
record Users(Map<String, PasswordHash> hashes, PasswordHash unknownUser) {

    Users {
        hashes = Map.copyOf(hashes);
    }

    static Users of(PasswordFile file) {
        int iterations = file.users().values().stream().mapToInt(PasswordHash::iterations).max()
                .orElse(PasswordHash.DEFAULT_ITERATIONS);
        return new Users(file.users(), PasswordHash.unmatchable(iterations));
    }

    /** Slow by design: run it on the hashing executor only. */
    Verdict verify(String user, byte[] password) {
        PasswordHash stored = hashes.get(user);
        if (stored == null) {
            unknownUser.matches(password);
            return Verdict.UNKNOWN_USER;
        }
        return stored.matches(password) ? Verdict.MATCH : Verdict.WRONG_PASSWORD;
    }

    int size() {
        return hashes.size();
    }

    enum Verdict { MATCH, UNKNOWN_USER, WRONG_PASSWORD }
}
