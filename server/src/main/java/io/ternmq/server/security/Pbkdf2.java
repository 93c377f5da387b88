package io.ternmq.server.security;

import javax.crypto.Mac;
import javax.crypto.ShortBufferException;
import javax.crypto.spec.SecretKeySpec;
import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;

/**
 * PBKDF2 (RFC 8018, section 5.2) with HMAC-SHA512, over the JDK's {@link Mac}. Written out rather than taken from
 * {@code SecretKeyFactory} because MQTT passwords are bytes, not characters: the JDK's PBKDF2 key spec only takes
 * a {@code char[]}, which cannot carry an arbitrary binary password.
 */
final class Pbkdf2 {

    static final int HASH_BYTES = 64;
    private static final String HMAC = "HmacSHA512";

    private Pbkdf2() {
    }

    /** One 64-byte block (T1), which is all a 64-byte derived key needs. Password must not be empty. */
    static byte[] sha512(byte[] password, byte[] salt, int iterations) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(new SecretKeySpec(password, HMAC));
            mac.update(salt);
            mac.update(new byte[] {0, 0, 0, 1}); // INT(1): the index of the first block
            byte[] u = mac.doFinal();
            byte[] result = u.clone();
            for (int i = 1; i < iterations; i++) {
                mac.update(u);
                mac.doFinal(u, 0);
                for (int j = 0; j < result.length; j++) {
                    result[j] ^= u[j];
                }
            }
            return result;
        } catch (NoSuchAlgorithmException | InvalidKeyException | ShortBufferException e) {
            throw new IllegalStateException("the JDK lacks " + HMAC, e);
        }
    }

    /** Fails fast at startup when the runtime lacks the algorithm, rather than at the first login. */
    static void requireAvailable() {
        try {
            Mac.getInstance(HMAC);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK lacks " + HMAC, e);
        }
    }
}
