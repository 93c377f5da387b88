package io.ternmq.transport;

import io.netty.handler.ssl.ClientAuth;
import io.netty.handler.ssl.OpenSsl;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;

/**
 * Builds a server {@link SslContext} from a {@link TlsConfig}: TLS 1.3 and 1.2 only, on BoringSSL when Netty's
 * native library loads (faster handshakes and bulk encryption) and on the JDK's provider otherwise.
 */
final class TlsContexts {

    private static final String[] PROTOCOLS = {"TLSv1.3", "TLSv1.2"};

    private TlsContexts() {
    }

    static SslProvider provider() {
        return OpenSsl.isAvailable() ? SslProvider.OPENSSL : SslProvider.JDK;
    }

    /** "OpenSSL (BoringSSL ...)" or "JDK", for the startup log. */
    static String describeProvider() {
        return provider() == SslProvider.OPENSSL ? "OpenSSL (" + OpenSsl.versionString() + ")" : "JDK";
    }

    /** @throws Exception naming what is wrong with the files; the caller adds the listener name */
    static SslContext build(TlsConfig config) throws Exception {
        X509Certificate[] chain = PemFiles.certificates(config.certificateChain().toFile());
        if (chain.length == 0) {
            throw new IllegalArgumentException("no certificate in " + config.certificateChain());
        }
        PrivateKey key = PemFiles.privateKey(config.privateKey().toFile(), config.keyPassword());
        KeyPairCheck.verify(key, chain[0]);
        SslContextBuilder builder = SslContextBuilder.forServer(key, chain)
                .sslProvider(provider())
                .protocols(PROTOCOLS)
                .clientAuth(switch (config.clientCertificates()) {
                    case NONE -> ClientAuth.NONE;
                    case OPTIONAL -> ClientAuth.OPTIONAL;
                    case REQUIRED -> ClientAuth.REQUIRE;
                });
        if (config.caBundle() != null) {
            X509Certificate[] authorities = PemFiles.certificates(config.caBundle().toFile());
            builder.trustManager(authorities);
        }
        return builder.build();
    }
}
