package io.ternmq.transport;

import io.netty.handler.ssl.SslContext;
import org.jspecify.annotations.Nullable;

import java.io.File;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;

/**
 * Reads PEM certificates and (optionally encrypted) PKCS#8 keys with the same code Netty's {@link SslContext} uses,
 * so that what we check is exactly what the TLS context will load. Netty exposes those readers only to subclasses;
 * this class is never instantiated.
 */
abstract class PemFiles extends SslContext {

    private PemFiles() {
    }

    static X509Certificate[] certificates(File file) throws Exception {
        return toX509Certificates(file);
    }

    static PrivateKey privateKey(File file, @Nullable String password) throws Exception {
        return toPrivateKey(file, password);
    }
}
