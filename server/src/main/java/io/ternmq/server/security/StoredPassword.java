package io.ternmq.server.security;

/**
 * One user's stored password: a salted, deliberately slow hash that says in its encoded form which algorithm and
 * parameters made it, so files can mix algorithms and parameters can be raised user by user.
 */
public sealed interface StoredPassword permits PasswordHash, Argon2idHash, ScramCredential {

    /** Recomputes the hash of {@code password} and compares in constant time. Slow by design. */
    boolean matches(byte[] password);

    /** The text after {@code user:} in the password file. */
    String encode();

    /** A hash of the same algorithm and cost that no password matches, to check unknown users against. */
    StoredPassword unmatchable();

    /**
     * Parses {@code $7$...} (PBKDF2-HMAC-SHA512), {@code $argon2id$...} or {@code $scram-sha-256$...}; the message
     * says what is wrong.
     */
    static StoredPassword parse(String encoded) {
        if (encoded.startsWith(Argon2idHash.PREFIX)) {
            return Argon2idHash.parse(encoded);
        }
        if (encoded.startsWith(ScramCredential.PREFIX)) {
            return ScramCredential.parse(encoded);
        }
        return PasswordHash.parse(encoded);
    }
}
