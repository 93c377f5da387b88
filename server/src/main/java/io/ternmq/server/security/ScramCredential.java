package io.ternmq.server.security;

import org.jspecify.annotations.Nullable;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * One user's SCRAM-SHA-256 credential (RFC 5802 section 3): the salt and iteration count the client needs, and
 * StoredKey = H(ClientKey) and ServerKey, from which the server checks a proof and proves itself, without ever
 * holding the password or anything a client could log in with. Written as
 * {@code $scram-sha-256$<iterations>$<base64 salt>$<base64 StoredKey>$<base64 ServerKey>}.
 *
 * <p>It is a stored password too: a CONNECT with user name and password is checked by deriving StoredKey from the
 * password, so a SCRAM user can log in either way with one line in the file.
 */
public record ScramCredential(int iterations, byte[] salt, byte[] storedKey, byte[] serverKey)
        implements StoredPassword {

    static final String PREFIX = "$scram-sha-256$";
    /** RFC 7677 section 4: at least 4096; the default of Kafka, PostgreSQL and RabbitMQ as well. */
    public static final int MIN_ITERATIONS = 4_096;
    public static final int DEFAULT_ITERATIONS = MIN_ITERATIONS;
    public static final int MAX_ITERATIONS = 10_000_000;
    static final int SALT_BYTES = 16;
    private static final SecureRandom RANDOM = new SecureRandom();

    public ScramCredential {
        requireIterations(iterations);
        if (salt.length == 0 || storedKey.length != ScramSha256.KEY_BYTES
                || serverKey.length != ScramSha256.KEY_BYTES) {
            throw new IllegalArgumentException("the salt is empty or a key is not " + ScramSha256.KEY_BYTES
                    + " bytes");
        }
        salt = salt.clone();
        storedKey = storedKey.clone();
        serverKey = serverKey.clone();
    }

    /** The credential for {@code password} with a fresh random salt. */
    public static ScramCredential create(byte[] password, int iterations) {
        byte[] salt = new byte[SALT_BYTES];
        RANDOM.nextBytes(salt);
        return derive(password, salt, iterations);
    }

    /**
     * The credential for {@code password} with this salt (RFC 5802 section 3), SASLprep applied first as SCRAM
     * clients do. Slow by design.
     */
    static ScramCredential derive(byte[] password, byte[] salt, int iterations) {
        if (password.length == 0) {
            throw new IllegalArgumentException("the password must not be empty");
        }
        requireIterations(iterations);
        byte[] salted = ScramSha256.saltedPassword(SaslPrep.password(password), salt, iterations);
        return new ScramCredential(iterations, salt, ScramSha256.sha256(ScramSha256.clientKey(salted)),
                ScramSha256.serverKey(salted));
    }

    static ScramCredential parse(String encoded) {
        if (!encoded.startsWith(PREFIX)) {
            throw new IllegalArgumentException("not a '" + PREFIX + "' credential");
        }
        String[] fields = encoded.substring(PREFIX.length()).split("\\$", -1);
        if (fields.length != 4) {
            throw new IllegalArgumentException("a SCRAM-SHA-256 credential has the fields "
                    + PREFIX + "iterations$salt$storedKey$serverKey");
        }
        int iterations;
        try {
            iterations = Integer.parseInt(fields[0]);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("the iteration count is not a number");
        }
        byte[][] decoded = new byte[3][];
        try {
            for (int i = 0; i < decoded.length; i++) {
                decoded[i] = Base64.getDecoder().decode(fields[i + 1]);
            }
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("salt or a key is not valid base64");
        }
        return new ScramCredential(iterations, decoded[0], decoded[1], decoded[2]);
    }

    private static void requireIterations(int iterations) {
        if (iterations < MIN_ITERATIONS || iterations > MAX_ITERATIONS) {
            throw new IllegalArgumentException("SCRAM iterations must be " + MIN_ITERATIONS + ".." + MAX_ITERATIONS
                    + ", was " + iterations);
        }
    }

    /** Derives StoredKey from {@code password}, prepared as for {@link #derive}, and compares in constant time. */
    @Override
    public boolean matches(byte[] password) {
        byte[] prepared;
        try {
            prepared = password.length == 0 ? password : SaslPrep.password(password);
        } catch (IllegalArgumentException prohibited) {
            return false;
        }
        if (prepared.length == 0) {
            return false;
        }
        byte[] salted = ScramSha256.saltedPassword(prepared, salt, iterations);
        return MessageDigest.isEqual(storedKey, ScramSha256.sha256(ScramSha256.clientKey(salted)));
    }

    @Override
    public String encode() {
        Base64.Encoder base64 = Base64.getEncoder();
        return PREFIX + iterations + "$" + base64.encodeToString(salt) + "$" + base64.encodeToString(storedKey)
                + "$" + base64.encodeToString(serverKey);
    }

    @Override
    public ScramCredential unmatchable() {
        byte[] randomSalt = new byte[SALT_BYTES];
        byte[] randomStored = new byte[ScramSha256.KEY_BYTES];
        byte[] randomServer = new byte[ScramSha256.KEY_BYTES];
        RANDOM.nextBytes(randomSalt);
        RANDOM.nextBytes(randomStored);
        RANDOM.nextBytes(randomServer);
        return new ScramCredential(iterations, randomSalt, randomStored, randomServer);
    }

    @Override
    public byte[] salt() {
        return salt.clone();
    }

    @Override
    public byte[] storedKey() {
        return storedKey.clone();
    }

    @Override
    public byte[] serverKey() {
        return serverKey.clone();
    }

    @Override
    public boolean equals(@Nullable Object other) {
        return other instanceof ScramCredential that && iterations == that.iterations
                && MessageDigest.isEqual(salt, that.salt) && MessageDigest.isEqual(storedKey, that.storedKey)
                && MessageDigest.isEqual(serverKey, that.serverKey);
    }

    @Override
    public int hashCode() {
        return iterations;
    }

    /** Never prints the keys. */
    @Override
    public String toString() {
        return "ScramCredential[SCRAM-SHA-256, " + iterations + " iterations]";
    }
}
