package io.ternmq.testkit;

import javax.crypto.Mac;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;

/**
 * The client side of one SCRAM-SHA-256 exchange (RFC 5802, RFC 7677), written independently of the broker's
 * server side: Hi comes from the JDK's PBKDF2WithHmacSHA256, so it also checks the broker's own PBKDF2. Only
 * channel binding flag "n" and ASCII passwords (SASLprep leaves those unchanged).
 */
public final class ScramClient {

    /** The GS2 header without channel binding or authorization identity, and its base64 for "c=". */
    public static final String GS2_HEADER = "n,,";

    private final String user;
    private final String password;
    private final String clientNonce;
    private String authMessage = "";
    private byte[] serverKey = new byte[0];

    public ScramClient(String user, String password, String clientNonce) {
        this.user = user;
        this.password = password;
        this.clientNonce = clientNonce;
    }

    /** client-first-message-bare: {@code n=<user>,r=<nonce>}, with ',' and '=' in the name escaped. */
    public String clientFirstBare() {
        return "n=" + user.replace("=", "=3D").replace(",", "=2C") + ",r=" + clientNonce;
    }

    public byte[] clientFirst() {
        return (GS2_HEADER + clientFirstBare()).getBytes(StandardCharsets.UTF_8);
    }

    /** The client-final-message answering {@code serverFirst}; fails when the server changed our nonce. */
    public byte[] clientFinal(byte[] serverFirst) {
        String text = new String(serverFirst, StandardCharsets.UTF_8);
        String[] fields = text.split(",");
        if (fields.length < 3 || !fields[0].startsWith("r=" + clientNonce) || !fields[1].startsWith("s=")
                || !fields[2].startsWith("i=")) {
            throw new IllegalArgumentException("not a server-first-message for our nonce: " + text);
        }
        String nonce = fields[0].substring(2);
        byte[] salt = Base64.getDecoder().decode(fields[1].substring(2));
        int iterations = Integer.parseInt(fields[2].substring(2));
        byte[] salted = hi(salt, iterations);
        byte[] clientKey = hmac(salted, "Client Key".getBytes(StandardCharsets.US_ASCII));
        serverKey = hmac(salted, "Server Key".getBytes(StandardCharsets.US_ASCII));
        String withoutProof = "c=" + Base64.getEncoder().encodeToString(GS2_HEADER.getBytes(StandardCharsets.UTF_8))
                + ",r=" + nonce;
        authMessage = clientFirstBare() + "," + text + "," + withoutProof;
        byte[] clientSignature = hmac(sha256(clientKey), authMessage.getBytes(StandardCharsets.UTF_8));
        byte[] proof = clientKey.clone();
        for (int i = 0; i < proof.length; i++) {
            proof[i] ^= clientSignature[i];
        }
        return (withoutProof + ",p=" + Base64.getEncoder().encodeToString(proof)).getBytes(StandardCharsets.UTF_8);
    }

    /** Whether the server-final-message proves the server knew our ServerKey: {@code v=<ServerSignature>}. */
    public boolean verifyServerFinal(byte[] serverFinal) {
        byte[] expected = ("v=" + Base64.getEncoder().encodeToString(
                hmac(serverKey, authMessage.getBytes(StandardCharsets.UTF_8)))).getBytes(StandardCharsets.UTF_8);
        return MessageDigest.isEqual(expected, serverFinal);
    }

    private byte[] hi(byte[] salt, int iterations) {
        try {
            PBEKeySpec spec = new PBEKeySpec(password.toCharArray(), salt, iterations, 256);
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] hmac(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
