package io.ternmq.transport;

import org.jspecify.annotations.Nullable;

import java.nio.file.Path;
import java.time.Duration;

/**
 * The TLS side of a tls or wss listener. Files are PEM; they are read at start and re-read whenever their content
 * changes (checked every {@code reloadInterval}): new connections then use the new certificate, live ones keep
 * theirs.
 *
 * @param certificateChain the server certificate, then its intermediates
 * @param privateKey       the key of the server certificate, PKCS#8 ({@code BEGIN PRIVATE KEY}), or encrypted
 *                         PKCS#8 ({@code BEGIN ENCRYPTED PRIVATE KEY}) with {@code keyPassword}
 * @param keyPassword      the password of an encrypted key, else null
 * @param caBundle         the CAs that client certificates must chain to; required unless clientCertificates is NONE
 * @param identity         what of the client certificate becomes {@code ListenerIdentity.certificateIdentity}
 */
public record TlsConfig(Path certificateChain, Path privateKey, @Nullable String keyPassword,
                        @Nullable Path caBundle, ClientCertificates clientCertificates, CertificateIdentity identity,
                        Duration reloadInterval) {

    public static final Duration DEFAULT_RELOAD_INTERVAL = Duration.ofSeconds(5);

    public TlsConfig {
        if (clientCertificates != ClientCertificates.NONE && caBundle == null) {
            throw new IllegalArgumentException("client certificates " + clientCertificates
                    + " need a CA bundle to verify them");
        }
        if (!reloadInterval.isPositive()) {
            throw new IllegalArgumentException("reloadInterval must be positive, was " + reloadInterval);
        }
    }

    /** Server authentication only: no client certificates, default reload interval. */
    public static TlsConfig server(Path certificateChain, Path privateKey) {
        return new TlsConfig(certificateChain, privateKey, null, null, ClientCertificates.NONE,
                CertificateIdentity.NONE, DEFAULT_RELOAD_INTERVAL);
    }

    public TlsConfig withKeyPassword(String password) {
        return new TlsConfig(certificateChain, privateKey, password, caBundle, clientCertificates, identity,
                reloadInterval);
    }

    public TlsConfig withClientCertificates(Path caBundle, ClientCertificates clientCertificates,
                                            CertificateIdentity identity) {
        return new TlsConfig(certificateChain, privateKey, keyPassword, caBundle, clientCertificates, identity,
                reloadInterval);
    }

    public TlsConfig withReloadInterval(Duration interval) {
        return new TlsConfig(certificateChain, privateKey, keyPassword, caBundle, clientCertificates, identity,
                interval);
    }

    /** The password never reaches logs. */
    @Override
    public String toString() {
        return "TlsConfig[certificateChain=" + certificateChain + ", privateKey=" + privateKey + ", keyPassword="
                + (keyPassword == null ? "none" : "***") + ", caBundle=" + caBundle + ", clientCertificates="
                + clientCertificates + ", identity=" + identity + ", reloadInterval=" + reloadInterval + "]";
    }
}
