package io.ternmq.server;

import io.ternmq.core.BrokerStats;
import io.ternmq.core.auth.Authenticator;
import io.ternmq.core.auth.Authorizer;
import io.ternmq.store.StorageMode;
import io.ternmq.transport.TransportConfig;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A running TernMQ broker: the embedding API. {@code Broker.builder().port(0).start()} runs one in-process on an
 * ephemeral port; {@link #close()} stops it. The command line server uses the same API.
 */
public final class Broker implements AutoCloseable {

    private final BrokerAssembly assembly;
    private final AtomicBoolean closed = new AtomicBoolean();

    private Broker(BrokerAssembly assembly) {
        this.assembly = assembly;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The version of this build, e.g. "0.1.0-SNAPSHOT"; "dev" when run from classes rather than a jar. */
    public static String version() {
        return BrokerVersion.current();
    }

    /** The TCP port the MQTT listener is bound to (the real one when 0 was asked for). */
    public int port() {
        return assembly.address().getPort();
    }

    public BrokerStats stats() {
        return assembly.stats();
    }

    /** How durable acknowledged messages are ({@code storage.mode}); for logs and metrics. */
    public StorageMode storageMode() {
        return assembly.storageMode();
    }

    /** Closes the listener and every connection, then stops the core. Idempotent. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            assembly.close();
        }
    }

    /** Settings of a broker to start; every one has a sensible default. */
    public static final class Builder {

        private String bind = "0.0.0.0";
        private int port = 1883;
        private int maxPacketSize = TransportConfig.PROTOCOL_MAX_PACKET_SIZE;
        private int sessionThreads = Runtime.getRuntime().availableProcessors();
        private int maxInflightMessages = 32;
        private int maxQueuedMessages = 10_000;
        private Duration connectTimeout = Duration.ofSeconds(10);
        private Path dataDir = Path.of("data");
        private Authenticator authenticator = Authenticator.ALLOW_ALL;
        private Authorizer authorizer = Authorizer.ALLOW_ALL;
        private StorageMode storageMode = StorageMode.MEMORY;
        private CorruptDataPolicy onCorruptData = CorruptDataPolicy.STOP;

        private Builder() {
        }

        /** Address to listen on; default 0.0.0.0. */
        public Builder bind(String address) {
            if (address.isBlank()) {
                throw new IllegalArgumentException("bind address must not be blank");
            }
            this.bind = address;
            return this;
        }

        /** TCP port; 0 picks a free one; default 1883. */
        public Builder port(int port) {
            if (port < 0 || port > 65_535) {
                throw new IllegalArgumentException("port must be 0..65535, was " + port);
            }
            this.port = port;
            return this;
        }

        /** Largest accepted packet in bytes, fixed header included; default 268435460 (the protocol maximum). */
        public Builder maxPacketSize(int bytes) {
            if (bytes < TransportConfig.MIN_PACKET_SIZE || bytes > TransportConfig.PROTOCOL_MAX_PACKET_SIZE) {
                throw new IllegalArgumentException("maxPacketSize must be " + TransportConfig.MIN_PACKET_SIZE + ".."
                        + TransportConfig.PROTOCOL_MAX_PACKET_SIZE + ", was " + bytes);
            }
            this.maxPacketSize = bytes;
            return this;
        }

        /** Threads that own sessions; default the number of cores. */
        public Builder sessionThreads(int threads) {
            if (threads < 1) {
                throw new IllegalArgumentException("sessionThreads must be at least 1, was " + threads);
            }
            this.sessionThreads = threads;
            return this;
        }

        /** QoS 1/2 messages in flight to one client; default 32. */
        public Builder maxInflightMessages(int messages) {
            if (messages < 1 || messages > 65_535) {
                throw new IllegalArgumentException("maxInflightMessages must be 1..65535, was " + messages);
            }
            this.maxInflightMessages = messages;
            return this;
        }

        /** QoS 1/2 messages queued per session beyond the in-flight window; default 10000. */
        public Builder maxQueuedMessages(int messages) {
            if (messages < 0) {
                throw new IllegalArgumentException("maxQueuedMessages must not be negative, was " + messages);
            }
            this.maxQueuedMessages = messages;
            return this;
        }

        /** How long a new connection may take to send CONNECT before it is closed; default 10 s; zero waits forever. */
        public Builder connectTimeout(Duration timeout) {
            if (timeout.isNegative()) {
                throw new IllegalArgumentException("connectTimeout must not be negative, was " + timeout);
            }
            this.connectTimeout = timeout;
            return this;
        }

        /** Directory for broker data; created when missing. Default ./data. */
        public Builder dataDir(Path directory) {
            this.dataDir = Objects.requireNonNull(directory, "dataDir");
            return this;
        }

        /**
         * Durability of acknowledged messages; default {@code MEMORY} for embedding (nothing written, fast tests).
         * The command line server defaults to {@code WAL} under {@code ./data}.
         */
        public Builder storageMode(StorageMode mode) {
            this.storageMode = Objects.requireNonNull(mode, "storageMode");
            return this;
        }

        /** What an unreadable or corrupt data directory does at start; default {@code STOP}. */
        public Builder onCorruptData(CorruptDataPolicy policy) {
            this.onCorruptData = Objects.requireNonNull(policy, "onCorruptData");
            return this;
        }

        public Builder authenticator(Authenticator authenticator) {
            this.authenticator = Objects.requireNonNull(authenticator, "authenticator");
            return this;
        }

        public Builder authorizer(Authorizer authorizer) {
            this.authorizer = Objects.requireNonNull(authorizer, "authorizer");
            return this;
        }

        /** Binds the listener and starts serving; throws with a clear message when the port is taken. */
        public Broker start() {
            return new Broker(BrokerAssembly.start(new BrokerSettings(bind, port, maxPacketSize, sessionThreads,
                    maxInflightMessages, maxQueuedMessages, connectTimeout, dataDir, authenticator, authorizer,
                    storageMode, onCorruptData)));
        }
    }
}
