package io.ternmq.server.security;

import org.jspecify.annotations.Nullable;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * One stored password: PBKDF2-HMAC-SHA512 with its iteration count and salt. Written as
 * {@code $7$<iterations>$<base64 salt>$<base64 hash>}, the layout mosquitto_passwd uses for the same algorithm, so
 * a line says everything needed to check a password against it.
 */
public record PasswordHash(int iterations, byte[] salt, byte[] hash) implements StoredPassword {

    /** OWASP's 2023 recommendation for PBKDF2-HMAC-SHA512. */
    public static final int DEFAULT_ITERATIONS = 210_000;
    public static final int MAX_ITERATIONS = 100_000_000;
    static final int SALT_BYTES = 16;
    private static final String PREFIX = "$7$";
    private static final SecureRandom RANDOM = new SecureRandom();

    public PasswordHash {
        salt = salt.clone();
        hash = hash.clone();
    }

    /** Hashes {@code password} with a fresh random salt. */
    public static PasswordHash create(byte[] password, int iterations) {
        if (password.length == 0) {
            throw new IllegalArgumentException("the password must not be empty");
        }
        requireIterations(iterations);
        byte[] salt = new byte[SALT_BYTES];
        RANDOM.nextBytes(salt);
        return new PasswordHash(iterations, salt, Pbkdf2.sha512(password, salt, iterations));
    }

    @Override
    public PasswordHash unmatchable() {
        return unmatchable(iterations);
    }

    /** A hash no password matches, costing as much to check as a real one with {@code iterations}. */
    static PasswordHash unmatchable(int iterations) {
        byte[] salt = new byte[SALT_BYTES];
        byte[] hash = new byte[Pbkdf2.HASH_BYTES];
        RANDOM.nextBytes(salt);
        RANDOM.nextBytes(hash);
        return new PasswordHash(iterations, salt, hash);
    }

    /** Parses the encoded form; the message of the exception says what is wrong, without echoing the text. */
    public static PasswordHash parse(String encoded) {
        if (encoded.startsWith("$6$")) {
            throw new IllegalArgumentException("'$6$' (one round of salted SHA-512) is too weak and not accepted; "
                    + "set the password again with 'ternmq passwd'");
        }
        if (!encoded.startsWith(PREFIX)) {
            throw new IllegalArgumentException("not a '$7$' (PBKDF2-HMAC-SHA512), '$argon2id$' or '$scram-sha-256$' "
                    + "hash; plain text passwords are not accepted, set them with 'ternmq passwd'");
        }
        String[] fields = encoded.substring(PREFIX.length()).split("\\$", -1);
        if (fields.length != 3) {
            throw new IllegalArgumentException("a '$7$' hash has the fields $7$iterations$salt$hash");
        }
        int iterations;
        try {
            iterations = Integer.parseInt(fields[0]);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("the iteration count is not a number");
        }
        requireIterations(iterations);
        byte[] salt;
        byte[] hash;
        try {
            salt = Base64.getDecoder().decode(fields[1]);
            hash = Base64.getDecoder().decode(fields[2]);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("salt or hash is not valid base64");
        }
        if (salt.length == 0 || hash.length != Pbkdf2.HASH_BYTES) {
            throw new IllegalArgumentException("the salt is empty or the hash is not " + Pbkdf2.HASH_BYTES + " bytes");
        }
        return new PasswordHash(iterations, salt, hash);
    }

    private static void requireIterations(int iterations) {
        if (iterations < 1 || iterations > MAX_ITERATIONS) {
            throw new IllegalArgumentException("iterations must be 1.." + MAX_ITERATIONS + ", was " + iterations);
        }
    }

    /** Recomputes and compares in constant time, so the comparison reveals nothing about how much matched. */
    @Override
    public boolean matches(byte[] password) {
        if (password.length == 0) {
            return false; // HMAC refuses an empty key, and no stored password is empty
        }
        return MessageDigest.isEqual(hash, Pbkdf2.sha512(password, salt, iterations));
    }

    @Override
    public String encode() {
        Base64.Encoder base64 = Base64.getEncoder();
        return PREFIX + iterations + "$" + base64.encodeToString(salt) + "$" + base64.encodeToString(hash);
    }

    @Override
    public byte[] salt() {
        return salt.clone();
    }

    @Override
    public byte[] hash() {
        return hash.clone();
    }

    @Override
    public boolean equals(@Nullable Object other) {
        return other instanceof PasswordHash that && iterations == that.iterations
                && MessageDigest.isEqual(salt, that.salt) && MessageDigest.isEqual(hash, that.hash);
    }

    @Override
    public int hashCode() {
        return iterations;
    }

    /** Never prints the hash: logs and exception messages must not carry it. */
    @Override
    public String toString() {
        return "PasswordHash[PBKDF2-HMAC-SHA512, " + iterations + " iterations]";
    }
}
