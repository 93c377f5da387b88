package io.ternmq.server.security;

import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;
import org.jspecify.annotations.Nullable;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One stored password hashed with Argon2id (RFC 9106, version 0x13), written in the PHC string format the
 * reference implementation uses: {@code $argon2id$v=19$m=<KiB>,t=<passes>,p=<lanes>$<salt>$<hash>}, base64
 * without padding. The hash is computed by Bouncy Castle, the JDK having no Argon2.
 */
public record Argon2idHash(int memoryKiB, int iterations, int parallelism, byte[] salt, byte[] hash)
        implements StoredPassword {

    static final String PREFIX = "$argon2id$";
    /** OWASP's minimum recommendation: 19 MiB, 2 passes, 1 lane. */
    public static final int DEFAULT_MEMORY_KIB = 19_456;
    public static final int DEFAULT_ITERATIONS = 2;
    static final int DEFAULT_PARALLELISM = 1;
    static final int MAX_MEMORY_KIB = 4 * 1024 * 1024;
    private static final int SALT_BYTES = 16;
    private static final int HASH_BYTES = 32;
    private static final Pattern PHC = Pattern.compile(
            "\\$argon2id\\$v=19\\$m=(\\d{1,9}),t=(\\d{1,9}),p=(\\d{1,3})\\$([A-Za-z0-9+/]+)\\$([A-Za-z0-9+/]+)");
    private static final SecureRandom RANDOM = new SecureRandom();

    public Argon2idHash {
        @Nullable String problem = problemWithParameters(memoryKiB, iterations, parallelism);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        salt = salt.clone();
        hash = hash.clone();
    }

    /** Hashes {@code password} with a fresh random salt. */
    public static Argon2idHash create(byte[] password, int memoryKiB, int iterations, int parallelism) {
        if (password.length == 0) {
            throw new IllegalArgumentException("the password must not be empty");
        }
        byte[] salt = new byte[SALT_BYTES];
        RANDOM.nextBytes(salt);
        byte[] hash = compute(password, salt, memoryKiB, iterations, parallelism, HASH_BYTES);
        return new Argon2idHash(memoryKiB, iterations, parallelism, salt, hash);
    }

    static Argon2idHash parse(String encoded) {
        Matcher phc = PHC.matcher(encoded);
        if (!phc.matches()) {
            throw new IllegalArgumentException("an argon2id hash has the form "
                    + "$argon2id$v=19$m=KiB,t=passes,p=lanes$salt$hash (base64 without padding)");
        }
        int memory = Integer.parseInt(phc.group(1));
        int passes = Integer.parseInt(phc.group(2));
        int lanes = Integer.parseInt(phc.group(3));
        byte[] salt;
        byte[] hash;
        try {
            salt = Base64.getDecoder().decode(phc.group(4));
            hash = Base64.getDecoder().decode(phc.group(5));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("salt or hash is not valid base64");
        }
        if (salt.length < 8 || hash.length < 4) {
            throw new IllegalArgumentException("the salt must be at least 8 bytes and the hash at least 4");
        }
        return new Argon2idHash(memory, passes, lanes, salt, hash);
    }

    private static @Nullable String problemWithParameters(int memoryKiB, int iterations, int parallelism) {
        if (parallelism < 1 || parallelism > 255) {
            return "argon2id parallelism must be 1..255, was " + parallelism;
        }
        if (memoryKiB < 8 * parallelism || memoryKiB > MAX_MEMORY_KIB) {
            return "argon2id memory must be " + 8 * parallelism + ".." + MAX_MEMORY_KIB + " KiB, was " + memoryKiB;
        }
        if (iterations < 1 || iterations > 1_000) {
            return "argon2id iterations must be 1..1000, was " + iterations;
        }
        return null;
    }

    static byte[] compute(byte[] password, byte[] salt, int memoryKiB, int iterations, int parallelism,
                          int length) {
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withMemoryAsKB(memoryKiB)
                .withIterations(iterations)
                .withParallelism(parallelism)
                .withSalt(salt)
                .build());
        byte[] result = new byte[length];
        generator.generateBytes(password, result);
        return result;
    }

    @Override
    public boolean matches(byte[] password) {
        byte[] computed = compute(password, salt, memoryKiB, iterations, parallelism, hash.length);
        return MessageDigest.isEqual(hash, computed);
    }

    @Override
    public String encode() {
        Base64.Encoder base64 = Base64.getEncoder().withoutPadding();
        return PREFIX + "v=19$m=" + memoryKiB + ",t=" + iterations + ",p=" + parallelism + "$"
                + base64.encodeToString(salt) + "$" + base64.encodeToString(hash);
    }

    @Override
    public Argon2idHash unmatchable() {
        byte[] randomSalt = new byte[SALT_BYTES];
        byte[] randomHash = new byte[hash.length];
        RANDOM.nextBytes(randomSalt);
        RANDOM.nextBytes(randomHash);
        return new Argon2idHash(memoryKiB, iterations, parallelism, randomSalt, randomHash);
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
        return other instanceof Argon2idHash that && memoryKiB == that.memoryKiB && iterations == that.iterations
                && parallelism == that.parallelism && MessageDigest.isEqual(salt, that.salt)
                && MessageDigest.isEqual(hash, that.hash);
    }

    @Override
    public int hashCode() {
        return memoryKiB * 31 + iterations;
    }

    /** Never prints the hash. */
    @Override
    public String toString() {
        return "Argon2idHash[m=" + memoryKiB + " KiB, t=" + iterations + ", p=" + parallelism + "]";
    }
}
