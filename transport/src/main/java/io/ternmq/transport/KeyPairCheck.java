package io.ternmq.transport;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.PKCS8EncodedKeySpec;

/**
 * Checks that a private key belongs to a certificate by signing a probe and verifying it with the certificate's
 * public key. TLS libraries accept a mismatched pair and only fail at handshake; during a certificate rollover
 * (new certificate written, key not yet) that would break every new connection, so a reload refuses it instead.
 */
final class KeyPairCheck {

    private static final byte[] PROBE = "ternmq key check".getBytes(StandardCharsets.US_ASCII);

    private KeyPairCheck() {
    }

    /** @throws GeneralSecurityException when the key does not match; key types we cannot sign with pass */
    static void verify(PrivateKey key, X509Certificate certificate) throws GeneralSecurityException {
        String algorithm = switch (certificate.getPublicKey().getAlgorithm()) {
            case "RSA" -> "SHA256withRSA";
            case "EC", "ECDSA" -> "SHA256withECDSA";
            case "Ed25519", "EdDSA" -> "Ed25519";
            default -> null;
        };
        if (algorithm == null) {
            return;
        }
        Signature signer = Signature.getInstance(algorithm);
        signer.initSign(asJdkKey(key, certificate));
        signer.update(PROBE);
        byte[] signature = signer.sign();
        Signature verifier = Signature.getInstance(algorithm);
        verifier.initVerify(certificate.getPublicKey());
        verifier.update(PROBE);
        if (!verifier.verify(signature)) {
            throw mismatch(certificate);
        }
    }

    /**
     * The key re-read by the JDK provider of the certificate's key type: a key parsed by another provider (Netty
     * uses Bouncy Castle when present) may not be usable with the JDK's signatures, and a key of another type
     * (RSA key, EC certificate) is a mismatch.
     */
    private static PrivateKey asJdkKey(PrivateKey key, X509Certificate certificate) throws GeneralSecurityException {
        try {
            return KeyFactory.getInstance(certificate.getPublicKey().getAlgorithm())
                    .generatePrivate(new PKCS8EncodedKeySpec(key.getEncoded()));
        } catch (InvalidKeySpecException otherType) {
            throw mismatch(certificate);
        }
    }

    private static GeneralSecurityException mismatch(X509Certificate certificate) {
        return new GeneralSecurityException("the private key does not belong to the certificate "
                + certificate.getSubjectX500Principal().getName());
    }
}
