package io.ternmq.transport;

import io.netty.buffer.ByteBufAllocator;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslHandler;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

/**
 * The TLS context of one listener, replaced when its files change. Each new connection takes the current context;
 * live connections keep the engine they were built with, so a reload never drops them. A change is detected by
 * a digest of the files' content rather than their mtime: a copy within the same clock tick, or a restored
 * backup with an old mtime, still counts. A new set of files that does not load (unreadable, mismatched key,
 * wrong password) is logged once and the previous context stays.
 */
final class ReloadingTlsContext {

    private static final Logger log = LoggerFactory.getLogger(ReloadingTlsContext.class);

    private final String listenerName;
    private final TlsConfig config;
    private volatile SslContext current;
    /** Digest of the files last loaded or last rejected, so that one bad version is reported once. */
    private byte[] lastSeen;

    private ReloadingTlsContext(String listenerName, TlsConfig config, SslContext initial, byte[] digest) {
        this.listenerName = listenerName;
        this.config = config;
        this.current = initial;
        this.lastSeen = digest;
    }

    /** @throws IllegalArgumentException naming the listener and the problem when the files do not load */
    static ReloadingTlsContext load(String listenerName, TlsConfig config) {
        try {
            byte[] digest = digest(config);
            return new ReloadingTlsContext(listenerName, config, TlsContexts.build(config), digest);
        } catch (Exception e) {
            throw new IllegalArgumentException("TLS settings of listener '" + listenerName + "' do not load: "
                    + describe(e), e);
        }
    }

    SslHandler newHandler(ByteBufAllocator allocator) {
        return current.newHandler(allocator);
    }

    /** The context new connections get now. */
    SslContext current() {
        return current;
    }

    TlsConfig config() {
        return config;
    }

    /** Called every reload interval from the reload thread. Never throws: the scheduler would stop. */
    void reloadIfChanged() {
        byte[] digest;
        try {
            digest = digest(config);
        } catch (IOException e) {
            // Mid-replacement (a file briefly missing) looks like this; the next poll sees the finished state.
            log.debug("listener '{}': cannot read TLS files yet: {}", listenerName, e.toString());
            return;
        }
        if (Arrays.equals(digest, lastSeen)) {
            return;
        }
        lastSeen = digest;
        try {
            current = TlsContexts.build(config);
            log.info("listener '{}': TLS certificate reloaded from {}", listenerName, config.certificateChain());
        } catch (Exception e) {
            log.warn("listener '{}': changed TLS files do not load, keeping the previous certificate: {}",
                    listenerName, describe(e));
        }
    }

    private static byte[] digest(TlsConfig config) throws IOException {
        MessageDigest sha256;
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("every JDK has SHA-256", impossible);
        }
        for (@Nullable Path file : new Path[] {config.certificateChain(), config.privateKey(), config.caBundle()}) {
            if (file != null) {
                sha256.update(Files.readAllBytes(file));
                sha256.update((byte) 0);
            }
        }
        return sha256.digest();
    }

    private static String describe(Throwable e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }
}
