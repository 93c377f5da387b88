package io.ternmq.server;

import io.ternmq.core.BrokerStats;
import io.ternmq.core.auth.Authenticator;
import io.ternmq.core.auth.Authorizer;
import io.ternmq.transport.AnonymousAccess;
import io.ternmq.transport.ConnectionLimits;
import io.ternmq.transport.ListenerConfig;
import io.ternmq.transport.ListenerKind;
import io.ternmq.transport.TransportConfig;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A running TernMQ broker: the embedding API. {@code Broker.builder().port(0).start()} runs one in-process on an
 * ephemeral port; {@link #close()} stops it. The command line server uses the same API. More listeners (TLS,
 * WebSocket) are added with {@link Builder#listener}, e.g.
 * {@code .listener(ListenerConfig.tls("tls", "0.0.0.0", 8883, TlsConfig.server(certFile, keyFile)))}.
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

    /**
     * The port of the first plain TCP listener (the default one unless it was left out), the real one when 0 was
     * asked for.
     *
     * @throws IllegalStateException when the broker has no plain TCP listener
     */
    public int port() {
        return assembly.listeners().stream()
                .filter(listener -> listener.kind() == ListenerKind.TCP)
                .findFirst()
                .map(listener -> port(listener.name()))
                .orElseThrow(() -> new IllegalStateException("the broker has no plain TCP listener; use port(name)"));
    }

    /** The port the listener named {@code listenerName} is bound to; throws naming the known listeners if none. */
    public int port(String listenerName) {
        return assembly.address(listenerName).getPort();
    }

    /** The listeners as configured, the default TCP listener ("tcp") first when enabled. */
    public List<ListenerConfig> listeners() {
        return assembly.listeners();
    }

    /** Connections the listener closed right after accept because a connection limit or rate was exceeded. */
    public long refusedConnections(String listenerName) {
        return assembly.refusedConnections(listenerName);
    }

    public BrokerStats stats() {
        return assembly.stats();
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

        /** The name of the listener that {@link #bind} and {@link #port} configure. */
        public static final String DEFAULT_LISTENER = "tcp";

        private String bind = "0.0.0.0";
        private int port = 1883;
        private DefaultListener defaultListener = DefaultListener.ENABLED;
        private ConnectionLimits defaultListenerLimits = ConnectionLimits.UNLIMITED;
        private AnonymousAccess defaultListenerAnonymous = AnonymousAccess.ALLOWED;
        private final List<ListenerConfig> listeners = new ArrayList<>();
        private int maxConnections;
        private int maxPacketSize = TransportConfig.PROTOCOL_MAX_PACKET_SIZE;
        private int sessionThreads = Runtime.getRuntime().availableProcessors();
        private int maxInflightMessages = 32;
        private int maxQueuedMessages = 10_000;
        private Duration connectTimeout = Duration.ofSeconds(10);
        private Path dataDir = Path.of("data");
        private Authenticator authenticator = Authenticator.ALLOW_ALL;
        private Authorizer authorizer = Authorizer.ALLOW_ALL;

        private Builder() {
        }

        /** Adds a listener (tcp, tls, ws or wss) besides the default TCP one; names must be unique. */
        public Builder listener(ListenerConfig listener) {
            listeners.add(Objects.requireNonNull(listener, "listener"));
            return this;
        }

        /** Leaves the default TCP listener out, e.g. to serve TLS only; then at least one listener must be added. */
        public Builder withoutDefaultListener() {
            this.defaultListener = DefaultListener.DISABLED;
            return this;
        }

        /** Connection limits of the default TCP listener; default unlimited. */
        public Builder defaultListenerLimits(ConnectionLimits limits) {
            this.defaultListenerLimits = Objects.requireNonNull(limits, "limits");
            return this;
        }

        /** Whether clients without credentials may use the default TCP listener; default allowed. */
        public Builder defaultListenerAnonymous(AnonymousAccess access) {
            this.defaultListenerAnonymous = Objects.requireNonNull(access, "access");
            return this;
        }

        /** Connections held at once over all listeners; 0 (the default) means unlimited. */
        public Builder maxConnections(int connections) {
            if (connections < 0) {
                throw new IllegalArgumentException("maxConnections must not be negative, was " + connections);
            }
            this.maxConnections = connections;
            return this;
        }

        /** Address of the default TCP listener; default 0.0.0.0. */
        public Builder bind(String address) {
            if (address.isBlank()) {
                throw new IllegalArgumentException("bind address must not be blank");
            }
            this.bind = address;
            return this;
        }

        /** Port of the default TCP listener; 0 picks a free one; default 1883. */
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

        public Builder authenticator(Authenticator authenticator) {
            this.authenticator = Objects.requireNonNull(authenticator, "authenticator");
            return this;
        }

        public Builder authorizer(Authorizer authorizer) {
            this.authorizer = Objects.requireNonNull(authorizer, "authorizer");
            return this;
        }

        /** Binds every listener and starts serving; throws with a clear message when a port is taken. */
        public Broker start() {
            return new Broker(BrokerAssembly.start(new BrokerSettings(allListeners(), maxConnections, maxPacketSize,
                    sessionThreads, maxInflightMessages, maxQueuedMessages, connectTimeout, dataDir, authenticator,
                    authorizer)));
        }

        private List<ListenerConfig> allListeners() {
            List<ListenerConfig> all = new ArrayList<>();
            if (defaultListener == DefaultListener.ENABLED) {
                all.add(new ListenerConfig(DEFAULT_LISTENER, ListenerKind.TCP, bind, port, defaultListenerLimits,
                        defaultListenerAnonymous, null));
            }
            all.addAll(listeners);
            if (all.isEmpty()) {
                throw new IllegalArgumentException("no listener: the default one is left out and none was added");
            }
            Set<String> names = new HashSet<>();
            for (ListenerConfig listener : all) {
                if (!names.add(listener.name())) {
                    throw new IllegalArgumentException("duplicate listener name '" + listener.name() + "'");
                }
            }
            return List.copyOf(all);
        }

        private enum DefaultListener { ENABLED, DISABLED }
    }
}
