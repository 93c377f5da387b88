package io.ternmq.server.security;

import java.util.Map;

/**
 * The users of one loaded password file, immutable. An unknown user is checked against a hash no password
 * matches, of the same algorithm and cost as the file's first user (PBKDF2 with the default iterations for an
 * empty file), so the time a refusal takes does not tell an attacker whether the user exists. {@code scram} is
 * the same users as SCRAM-SHA-256 sees them.
 */
record Users(Map<String, StoredPassword> hashes, StoredPassword unknownUser, ScramUsers scram) {

    Users {
        hashes = Map.copyOf(hashes);
    }

    static Users of(PasswordFile file) {
        StoredPassword unknown = file.users().values().stream().findFirst().map(StoredPassword::unmatchable)
                .orElseGet(() -> PasswordHash.unmatchable(PasswordHash.DEFAULT_ITERATIONS));
        return new Users(file.users(), unknown, ScramUsers.of(file.users()));
    }

    /** Slow by design: run it on the hashing executor only. */
    Verdict verify(String user, byte[] password) {
        StoredPassword stored = hashes.get(user);
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
