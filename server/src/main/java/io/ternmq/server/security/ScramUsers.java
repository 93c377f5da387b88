package io.ternmq.server.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Map;

/**
 * The SCRAM-SHA-256 view of one loaded password file. A user without a SCRAM credential (unknown, or stored with
 * another hash) gets a made-up one, as RFC 5802 section 5.1 suggests: its salt is an HMAC of the user name under a
 * secret, so it is the same at every attempt, and its iteration count is that of the file's first SCRAM user, so
 * the server-first-message has the shape of a real one and does not tell which user names exist. The secret is a
 * hash of every stored hash in the file, which an attacker does not know; it changes only with the file (a file
 * with no stored hash at all gets a random one).
 */
final class ScramUsers {

    private static final byte[] LABEL = "ternmq scram-sha-256 made-up credential".getBytes(StandardCharsets.UTF_8);

    private final Map<String, StoredPassword> hashes;
    private final byte[] secret;
    private final int madeUpIterations;

    private ScramUsers(Map<String, StoredPassword> hashes, byte[] secret, int madeUpIterations) {
        this.hashes = hashes;
        this.secret = secret;
        this.madeUpIterations = madeUpIterations;
    }

    /** {@code hashes} in file order. */
    static ScramUsers of(Map<String, StoredPassword> hashes) {
        MessageDigest material = ScramSha256.newSha256();
        material.update(LABEL);
        for (StoredPassword hash : hashes.values()) {
            material.update(hash.encode().getBytes(StandardCharsets.UTF_8));
        }
        if (hashes.isEmpty()) {
            byte[] random = new byte[ScramSha256.KEY_BYTES];
            new SecureRandom().nextBytes(random);
            material.update(random);
        }
        int iterations = hashes.values().stream()
                .filter(ScramCredential.class::isInstance).map(ScramCredential.class::cast)
                .mapToInt(ScramCredential::iterations).findFirst().orElse(ScramCredential.DEFAULT_ITERATIONS);
        return new ScramUsers(Map.copyOf(hashes), material.digest(), iterations);
    }

    /** The user's credential, or a made-up one that no proof matches. */
    Lookup find(String user) {
        if (hashes.get(user) instanceof ScramCredential credential) {
            return new Lookup(credential, Kind.SCRAM_USER);
        }
        Kind kind = hashes.containsKey(user) ? Kind.NO_SCRAM_CREDENTIAL : Kind.UNKNOWN_USER;
        byte[] name = user.getBytes(StandardCharsets.UTF_8);
        byte[] salt = Arrays.copyOf(ScramSha256.hmac(secret, concat(new byte[] {'s'}, name)),
                ScramCredential.SALT_BYTES);
        byte[] storedKey = ScramSha256.hmac(secret, concat(new byte[] {'k'}, name));
        byte[] serverKey = ScramSha256.hmac(secret, concat(new byte[] {'v'}, name));
        return new Lookup(new ScramCredential(madeUpIterations, salt, storedKey, serverKey), kind);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] result = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, result, a.length, b.length);
        return result;
    }

    /** What the file holds for a user name: a real credential, or why a made-up one stands in. */
    enum Kind { SCRAM_USER, NO_SCRAM_CREDENTIAL, UNKNOWN_USER }

    record Lookup(ScramCredential credential, Kind kind) {
    }
}
