package io.ternmq.server;

import io.ternmq.core.BrokerCore;
import io.ternmq.core.BrokerStats;
import io.ternmq.core.Clock;
import io.ternmq.core.CoreConfig;
import io.ternmq.core.auth.Authenticator;
import io.ternmq.core.auth.Authorizer;
import io.ternmq.server.admin.SecurityReloader;
import io.ternmq.server.security.ReloadResult;
import io.ternmq.server.security.SecurityFileException;
import io.ternmq.server.security.SecurityPolicy;
import io.ternmq.server.security.SecurityStats;
import io.ternmq.core.SessionExecutorFactory;
import io.ternmq.store.Storage;
import io.ternmq.store.StorageMode;
import io.ternmq.transport.IoThreads;
import io.ternmq.transport.ListenerBindException;
import io.ternmq.transport.ListenerConfig;
import io.ternmq.transport.MqttServer;
import io.ternmq.transport.TransportConfig;
import io.ternmq.transport.TransportStats;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The one composition root: builds the core and the network server from settings and stops them in the reverse
 * order. Nothing else in the broker news up these parts.
 */
final class BrokerAssembly implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(BrokerAssembly.class);
    /** How long a stop waits for the session threads to tell their clients; a stuck thread must not hold it. */
    private static final Duration DISCONNECT_WAIT = Duration.ofSeconds(2);
    private final BrokerCore core;
    private final MqttServer server;
    private final Observability observability;
    private final SecurityPolicy security;
    private final List<ListenerConfig> listeners;
    private final Storage storage;
    private final IoThreads io;

    private BrokerAssembly(BrokerCore core, MqttServer server, Observability observability, SecurityPolicy security,
                           List<ListenerConfig> listeners, Storage storage, IoThreads io) {
        this.io = io;
        this.core = core;
        this.server = server;
        this.observability = observability;
        this.security = security;
        this.listeners = listeners;
        this.storage = storage;
    }

    static BrokerAssembly start(BrokerSettings settings) {
        prepareDataDir(settings);
        SecurityPolicy security = loadSecurity(settings);
        // the transport refuses a remaining length over the limit, so a whole packet of that size always passes
        var coreConfig = new CoreConfig(settings.sessionThreads(), settings.maxInflightMessages(),
                settings.maxQueuedMessages(), settings.topicLimits(), settings.mqtt5(),
                settings.memory());
        // an embedder's own authenticator or authorizer replaces the file-based one
        var authenticator = settings.authenticator() == Authenticator.ALLOW_ALL
                ? security.authenticator() : settings.authenticator();
        var authorizer = settings.authorizer() == Authorizer.ALLOW_ALL
                ? security.authorizer() : settings.authorizer();
        BrokerCore core;
        Storage storage;
        IoThreads io = IoThreads.start(Runtime.getRuntime().availableProcessors(), settings.balanceIoThreads());
        SessionExecutorFactory sessionExecutors = settings.sessionThreading() == SessionThreading.IO_THREADS
                ? io::executor : SessionExecutorFactory.SINGLE_THREADS;
        try {
            var opened = StorageOpening.open(settings.dataDir(), settings.storageMode(), settings.writeLimits(),
                    settings.onCorruptData(),
                    stores -> new BrokerCore(coreConfig, authenticator, authorizer, Clock.SYSTEM, stores,
                            sessionExecutors));
            core = opened.user();
            storage = opened.storage();
        } catch (RuntimeException e) {
            io.close();
            security.close();
            throw e;
        }
        MqttServer server;
        try {
            var transportConfig = new TransportConfig(settings.maxPacketSize(), settings.connectTimeout(),
                    Runtime.getRuntime().availableProcessors(), settings.maxConnections(),
                    settings.maxPendingConnects());
            server = MqttServer.start(transportConfig, settings.listeners(), core::accept, io);
        } catch (ListenerBindException e) {
            core.close();
            io.close();
            security.close();
            storage.close();
            throw new BrokerStartException(e.getMessage(), e);
        } catch (RuntimeException e) {
            core.close();
            io.close();
            security.close();
            storage.close();
            throw e;
        }
        Observability observability;
        try {
            observability = Observability.start(settings, core, server, adminReloader(settings, security, core));
        } catch (RuntimeException e) {
            server.close();
            core.close();
            io.close();
            security.close();
            storage.close();
            throw e;
        }
        var assembly = new BrokerAssembly(core, server, observability, security, settings.listeners(), storage, io);
        for (ListenerConfig listener : settings.listeners()) {
            log.info("TernMQ {} listening on {} ({} listener '{}')", BrokerVersion.current(),
                    format(listener.bind(), assembly.address(listener.name())), listener.kind(), listener.name());
            if (authenticator == security.authenticator()) {
                AnonymousWarning.check(listener.name(), assembly.address(listener.name()), security.settings(),
                        authorizer == Authorizer.ALLOW_ALL ? AnonymousWarning.Rules.NONE : AnonymousWarning.Rules.SOME);
            }
        }
        security.watch(core::revokeSubscriptions);
        return assembly;
    }

    private static SecurityPolicy loadSecurity(BrokerSettings settings) {
        try {
            return SecurityPolicy.load(settings.security());
        } catch (SecurityFileException e) {
            throw new BrokerStartException(e.getMessage(), e);
        }
    }

    /** The admin API reloads the password and ACL files unless the embedder supplied its own reloader. */
    private static SecurityReloader adminReloader(BrokerSettings settings, SecurityPolicy security, BrokerCore core) {
        SecurityReloader configured = settings.observability().reloader();
        if (configured != SecurityReloader.NOT_CONFIGURED) {
            return configured;
        }
        return () -> {
            ReloadResult result = security.reload(core::revokeSubscriptions);
            var status = switch (result.outcome()) {
                case APPLIED -> SecurityReloader.ReloadResult.Status.RELOADED;
                case REJECTED -> SecurityReloader.ReloadResult.Status.FAILED;
                case NOTHING_TO_RELOAD -> SecurityReloader.ReloadResult.Status.NOT_CONFIGURED;
            };
            return new SecurityReloader.ReloadResult(status, result.message());
        };
    }

    ReloadResult reloadSecurity() {
        return security.reload(core::revokeSubscriptions);
    }

    SecurityStats securityStats() {
        return security.stats();
    }

    InetSocketAddress address(String listenerName) {
        return server.address(listenerName);
    }

    List<ListenerConfig> listeners() {
        return listeners;
    }

    long refusedConnections(String listenerName) {
        return server.refusedConnections(listenerName);
    }

    BrokerStats stats() {
        return core.stats();
    }

    TransportStats networkStats() {
        return server.stats();
    }

    OptionalInt adminPort() {
        return observability.adminPort();
    }

    StorageMode storageMode() {
        return storage.mode();
    }

    /**
     * Network first, so that every connection has reported its close to the core before the core stops; the
     * storage last, after writing what the core submitted.
     */
    @Override
    public void close() {
        observability.close();
        disconnectClients();
        try {
            server.close();
        } finally {
            try {
                core.close();
            } finally {
                // after the core, whose session tasks run on these threads; before the storage they write to
                io.close();
                security.close();
                storage.close();
            }
        }
        log.info("TernMQ stopped");
    }

    /** MQTT 5 clients learn why they are dropped (DISCONNECT 0x8B) before the listeners close the sockets. */
    private void disconnectClients() {
        try {
            core.disconnectAll().toCompletableFuture().get(DISCONNECT_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            log.warn("not every client was told about the shutdown before the close: {}", e.toString());
        }
    }

    private static void prepareDataDir(BrokerSettings settings) {
        try {
            Files.createDirectories(settings.dataDir());
        } catch (IOException e) {
            throw new BrokerStartException("cannot create data directory " + settings.dataDir().toAbsolutePath()
                    + ": " + e, e);
        }
        if (settings.storageMode() == StorageMode.MEMORY) {
            log.info("storage mode memory: state is kept in memory only, nothing survives a restart");
        } else {
            log.info("storage mode {}: data in {}", settings.storageMode().configName(),
                    settings.dataDir().toAbsolutePath());
        }
    }

    /**
     * The address as the operator asked for it: a wildcard bind shows the configured host ("0.0.0.0"), not the
     * dual-stack "[::]" the native transport actually binds for it.
     */
    private static String format(String configuredBind, InetSocketAddress address) {
        String host = address.getAddress().isAnyLocalAddress() ? configuredBind : address.getAddress().getHostAddress();
        return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + address.getPort();
    }
}
