package io.ternmq.server;

import io.ternmq.core.BrokerStats;
import io.ternmq.core.CoreConfig;
import io.ternmq.core.MemoryLimits;
import io.ternmq.core.auth.Authenticator;
import io.ternmq.core.auth.Authorizer;
import io.ternmq.server.admin.AdminCredentials;
import io.ternmq.server.admin.AdminSettings;
import io.ternmq.server.admin.SecurityReloader;
import io.ternmq.server.security.AnonymousAccess;
import io.ternmq.server.security.ReloadResult;
import io.ternmq.server.security.SecuritySettings;
import io.ternmq.server.security.SecurityStats;
import io.ternmq.transport.ConnectionLimits;
import io.ternmq.transport.ListenerConfig;
import io.ternmq.transport.ListenerKind;
import io.ternmq.store.StorageMode;
import io.ternmq.store.WriteLimits;
import io.ternmq.transport.TransportConfig;
import io.ternmq.transport.TransportStats;
import org.jspecify.annotations.Nullable;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
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

    /** Network counters over every listener: open and pending connections, refusals, bytes, packets. */
    public TransportStats networkStats() {
        return assembly.networkStats();
    }

    /** The port of the admin HTTP listener (the real one when 0 was asked for). */
    public int adminPort() {
        return assembly.adminPort().orElseThrow(() -> new IllegalStateException("the admin listener is off"));
    }

    /** Failed logins, reloads and revocations of the built-in password and ACL files. */
    public SecurityStats securityStats() {
        return assembly.securityStats();
    }

    /**
     * Reads the password and ACL files again and applies them atomically if both are valid (else the rules in
     * force stay and the result says which file and line is wrong); live subscriptions the new rules refuse are
     * removed before this returns. Also triggered by SIGHUP (command line server) and by file changes.
     */
    public ReloadResult reloadSecurity() {
        return assembly.reloadSecurity();
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
    public static final class Builder extends ProtocolOptions<Builder> {

        /** The name of the listener that {@link #bind} and {@link #port} configure. */
        public static final String DEFAULT_LISTENER = "tcp";
        /** Enough for a burst of honest clients, few enough that silent sockets cannot pile up pipelines. */
        public static final int DEFAULT_MAX_PENDING_CONNECTS = 10_000;

        private String bind = "0.0.0.0";
        private int port = 1883;
        private DefaultListener defaultListener = DefaultListener.ENABLED;
        private ConnectionLimits defaultListenerLimits = ConnectionLimits.UNLIMITED;
        private io.ternmq.transport.AnonymousAccess defaultListenerAnonymous =
                io.ternmq.transport.AnonymousAccess.ALLOWED;
        private final List<ListenerConfig> listeners = new ArrayList<>();
        private int maxConnections;
        private int maxPendingConnects = DEFAULT_MAX_PENDING_CONNECTS;
        private int maxPacketSize = TransportConfig.PROTOCOL_MAX_PACKET_SIZE;
        private int sessionThreads = Runtime.getRuntime().availableProcessors();
        private SessionThreading sessionThreading = SessionThreading.IO_THREADS;
        private boolean balanceIoThreads = true;
        private int maxInflightMessages = CoreConfig.DEFAULT_MAX_INFLIGHT_MESSAGES;
        private int maxQueuedMessages = CoreConfig.DEFAULT_MAX_QUEUED_MESSAGES;
        private Duration connectTimeout = Duration.ofSeconds(10);
        private Path dataDir = Path.of("data");
        private Authenticator authenticator = Authenticator.ALLOW_ALL;
        private Authorizer authorizer = Authorizer.ALLOW_ALL;
        private @Nullable String adminBind;
        private int adminPort;
        private AdminCredentials adminCredentials = AdminCredentials.NONE;
        private Duration sysInterval = Duration.ofSeconds(10);
        private SecurityReloader securityReloader = SecurityReloader.NOT_CONFIGURED;
        private @Nullable Path passwordFile;
        private @Nullable Path aclFile;
        private AnonymousAccess anonymousAccess = AnonymousAccess.ALLOWED;
        private final Map<String, AnonymousAccess> anonymousListeners = new HashMap<>();
        private Duration securityReloadInterval = SecuritySettings.OPEN.reloadInterval();
        private StorageMode storageMode = StorageMode.MEMORY;
        private CorruptDataPolicy onCorruptData = CorruptDataPolicy.STOP;
        private WriteLimits writeLimits = WriteLimits.DEFAULT;
        private MemoryLimits memory = MemoryLimits.defaults();

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
        public Builder defaultListenerAnonymous(io.ternmq.transport.AnonymousAccess access) {
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

        /**
         * Connections over all listeners that have not sent their CONNECT yet; more are closed at accept (counted
         * in {@link TransportStats#refusedPendingConnects()}); default 10000; 0 means unlimited.
         */
        public Builder maxPendingConnects(int connections) {
            if (connections < 0) {
                throw new IllegalArgumentException("maxPendingConnects must not be negative, was " + connections);
            }
            this.maxPendingConnects = connections;
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

        /**
         * Single-threaded executors that own sessions; default the number of cores. With
         * {@link SessionThreading#IO_THREADS} they are spread over the IO threads (one per core).
         */
        public Builder sessionThreads(int threads) {
            if (threads < 1) {
                throw new IllegalArgumentException("sessionThreads must be at least 1, was " + threads);
            }
            this.sessionThreads = threads;
            return this;
        }

        /** Where sessions run; default {@link SessionThreading#IO_THREADS}. */
        public Builder sessionThreading(SessionThreading threading) {
            this.sessionThreading = Objects.requireNonNull(threading, "threading");
            return this;
        }

        /**
         * Whether, with more than one IO thread, connections move off a thread far busier than another, publishers'
         * sessions with them (README, {@code sessions.balance_io_threads}); default true: it lifts a fan-in on two
         * cores by about a seventh, and threads whose loads are even keep their connections.
         */
        public Builder balanceIoThreads(boolean balance) {
            this.balanceIoThreads = balance;
            return this;
        }

        /** QoS 1/2 messages in flight to one client; default 64. */
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

        /**
         * Bytes of changes that may wait for the storage writer before the broker stops reading from publishers
         * (they resume at half of it); default 64 MiB. Nothing is dropped either way.
         */
        public Builder maxPendingWrites(long bytes) {
            this.writeLimits = WriteLimits.of(bytes);
            return this;
        }

        /**
         * The memory budget: bytes of messages held for all clients and for each, and the slow-consumer policies
         * (default: half the maximum heap, 8 MiB per client, drop oldest).
         */
        public Builder memoryLimits(MemoryLimits limits) {
            this.memory = java.util.Objects.requireNonNull(limits, "limits");
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

        /** Turns the admin HTTP listener on (off by default); port 0 picks a free one. */
        public Builder adminListener(String bind, int port) {
            if (bind.isBlank()) {
                throw new IllegalArgumentException("admin bind address must not be blank");
            }
            if (port < 0 || port > 65_535) {
                throw new IllegalArgumentException("admin port must be 0..65535, was " + port);
            }
            this.adminBind = bind;
            this.adminPort = port;
            return this;
        }

        /** The bearer token of the admin REST API. */
        public Builder adminToken(String token) {
            adminCredentials = new AdminCredentials(Objects.requireNonNull(token, "token"),
                    adminCredentials.username(), adminCredentials.password());
            return this;
        }

        /** User name and password (HTTP Basic) of the admin REST API. */
        public Builder adminCredentials(String username, String password) {
            if (username.isEmpty() || username.contains(":")) {
                throw new IllegalArgumentException("admin user name must be non-empty and without ':'");
            }
            if (password.isEmpty()) {
                throw new IllegalArgumentException("admin password must not be empty");
            }
            adminCredentials = new AdminCredentials(adminCredentials.token(), username, password);
            return this;
        }

        /** How often the $SYS topics are published; default 10 s; zero turns them off. */
        public Builder sysInterval(Duration interval) {
            if (interval.isNegative()) {
                throw new IllegalArgumentException("sysInterval must not be negative, was " + interval);
            }
            this.sysInterval = interval;
            return this;
        }

        /** What {@code POST /api/v1/security/reload} calls; by default it answers 501. */
        public Builder securityReloader(SecurityReloader reloader) {
            this.securityReloader = Objects.requireNonNull(reloader, "reloader");
            return this;
        }

        /**
         * Users and password hashes ({@code ternmq passwd} writes it); clients with a user name must match it.
         * An alternative to {@link #authenticator(Authenticator)}.
         */
        public Builder passwordFile(Path file) {
            this.passwordFile = Objects.requireNonNull(file, "passwordFile");
            return this;
        }

        /** Access rules (README, "Access control"); an alternative to {@link #authorizer(Authorizer)}. */
        public Builder aclFile(Path file) {
            this.aclFile = Objects.requireNonNull(file, "aclFile");
            return this;
        }

        /** Whether clients without a user name may connect; default allowed. Listeners may override it. */
        public Builder anonymousAccess(AnonymousAccess access) {
            this.anonymousAccess = Objects.requireNonNull(access, "anonymousAccess");
            return this;
        }

        /** Anonymous access on the listener named {@code listenerName}, overriding {@link #anonymousAccess}. */
        public Builder anonymousAccess(String listenerName, AnonymousAccess access) {
            anonymousListeners.put(Objects.requireNonNull(listenerName, "listenerName"),
                    Objects.requireNonNull(access, "anonymousAccess"));
            return this;
        }

        /** How often the password and ACL files are checked for changes; default 5 s; zero: never. */
        public Builder securityReloadInterval(Duration interval) {
            if (interval.isNegative()) {
                throw new IllegalArgumentException("securityReloadInterval must not be negative, was " + interval);
            }
            this.securityReloadInterval = interval;
            return this;
        }

        /**
         * Binds every listener and starts serving; throws with a clear message when a port is taken or a security
         * file is invalid.
         */
        @Override
        Builder self() {
            return this;
        }

        public Broker start() {
            if (passwordFile != null && authenticator != Authenticator.ALLOW_ALL) {
                throw new IllegalArgumentException("passwordFile and authenticator are alternatives: set one");
            }
            if (aclFile != null && authorizer != Authorizer.ALLOW_ALL) {
                throw new IllegalArgumentException("aclFile and authorizer are alternatives: set one");
            }
            List<ListenerConfig> listeners = allListeners();
            var security = new SecuritySettings(passwordFile, aclFile, anonymousAccess,
                    restrictedByListeners(listeners), securityReloadInterval);
            return new Broker(BrokerAssembly.start(new BrokerSettings(listeners, maxConnections, maxPacketSize,
                    sessionThreads, maxInflightMessages, maxQueuedMessages, connectTimeout, dataDir, authenticator,
                    authorizer, security, topicLimits(), new ObservabilitySettings(adminBind == null ? null
                            : new AdminSettings(adminBind, adminPort, adminCredentials), sysInterval,
                            securityReloader), storageMode, onCorruptData, maxPendingConnects, writeLimits,
                    mqtt5Settings(maxPacketSize), memory, sessionThreading, balanceIoThreads)));
        }

        /**
         * A listener whose own {@code allow_anonymous} is false refuses anonymous clients whatever the broker-wide
         * setting says; a listener that allows them leaves the decision to {@link #anonymousAccess} and its
         * per-listener overrides, so a listener default can never open what the security settings close.
         */
        private Map<String, AnonymousAccess> restrictedByListeners(List<ListenerConfig> listeners) {
            Map<String, AnonymousAccess> effective = new HashMap<>(anonymousListeners);
            for (ListenerConfig listener : listeners) {
                if (listener.anonymous() == io.ternmq.transport.AnonymousAccess.DENIED) {
                    effective.put(listener.name(), AnonymousAccess.DENIED);
                }
            }
            return effective;
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
