package io.ternmq.server.security;

import javax.crypto.Mac;
import javax.crypto.ShortBufferException;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The functions of SCRAM-SHA-256 (RFC 5802 section 2.2, RFC 7677): H is SHA-256, HMAC is HMAC-SHA-256 and Hi is
 * PBKDF2-HMAC-SHA-256 with one 32-byte block. Written out over {@link Mac} for the reason {@link Pbkdf2} gives:
 * passwords are bytes, and the JDK's PBKDF2 takes characters only.
 */
final class ScramSha256 {

    static final int KEY_BYTES = 32;
    private static final String HMAC = "HmacSHA256";
    private static final byte[] CLIENT_KEY = "Client Key".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] SERVER_KEY = "Server Key".getBytes(StandardCharsets.US_ASCII);

    private ScramSha256() {
    }

    /** SaltedPassword := Hi(Normalize(password), salt, i). Slow by design. */
    static byte[] saltedPassword(byte[] password, byte[] salt, int iterations) {
        try {
            Mac mac = mac(password);
            mac.update(salt);
            mac.update(new byte[] {0, 0, 0, 1}); // INT(1)
            byte[] u = mac.doFinal();
            byte[] result = u.clone();
            for (int i = 1; i < iterations; i++) {
                mac.update(u);
                mac.doFinal(u, 0);
                xorInto(result, u);
            }
            return result;
        } catch (ShortBufferException e) {
            throw new IllegalStateException(e);
        }
    }

    /** ClientKey := HMAC(SaltedPassword, "Client Key"). */
    static byte[] clientKey(byte[] saltedPassword) {
        return hmac(saltedPassword, CLIENT_KEY);
    }

    /** ServerKey := HMAC(SaltedPassword, "Server Key"). */
    static byte[] serverKey(byte[] saltedPassword) {
        return hmac(saltedPassword, SERVER_KEY);
    }

    static byte[] hmac(byte[] key, byte[] data) {
        return mac(key).doFinal(data);
    }

    static byte[] sha256(byte[] data) {
        return newSha256().digest(data);
    }

    static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks SHA-256", e);
        }
    }

    /** {@code a XOR b} for arrays of one length, as a new array. */
    static byte[] xor(byte[] a, byte[] b) {
        byte[] result = a.clone();
        xorInto(result, b);
        return result;
    }

    private static void xorInto(byte[] target, byte[] other) {
        for (int i = 0; i < target.length; i++) {
            target[i] ^= other[i];
        }
    }

    /** The key must not be empty (the JDK refuses it); callers never pass an empty password. */
    private static Mac mac(byte[] key) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(new SecretKeySpec(key, HMAC));
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK lacks " + HMAC, e);
        }
    }
}
