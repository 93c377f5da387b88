package io.ternmq.server;

import io.ternmq.core.BrokerCore;
import io.ternmq.core.BrokerStats;
import io.ternmq.core.Clock;
import io.ternmq.core.CoreConfig;
import io.ternmq.transport.ListenerBindException;
import io.ternmq.transport.ListenerConfig;
import io.ternmq.transport.MqttServer;
import io.ternmq.transport.TransportConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.util.List;

/**
 * The one composition root: builds the core and the network server from settings and stops them in the reverse
 * order. Nothing else in the broker news up these parts.
 */
final class BrokerAssembly implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(BrokerAssembly.class);
    private final BrokerCore core;
    private final MqttServer server;
    private final List<ListenerConfig> listeners;

    private BrokerAssembly(BrokerCore core, MqttServer server, List<ListenerConfig> listeners) {
        this.core = core;
        this.server = server;
        this.listeners = listeners;
    }

    static BrokerAssembly start(BrokerSettings settings) {
        prepareDataDir(settings);
        var coreConfig = new CoreConfig(settings.sessionThreads(), settings.maxInflightMessages(),
                settings.maxQueuedMessages());
        var core = new BrokerCore(coreConfig, settings.authenticator(), settings.authorizer(), Clock.SYSTEM);
        MqttServer server;
        try {
            var transportConfig = new TransportConfig(settings.maxPacketSize(), settings.connectTimeout(),
                    Runtime.getRuntime().availableProcessors(), settings.maxConnections());
            server = MqttServer.start(transportConfig, settings.listeners(), core::accept);
        } catch (ListenerBindException e) {
            core.close();
            throw new BrokerStartException(e.getMessage(), e);
        } catch (RuntimeException e) {
            core.close();
            throw e;
        }
        var assembly = new BrokerAssembly(core, server, settings.listeners());
        for (ListenerConfig listener : settings.listeners()) {
            log.info("TernMQ {} listening on {} ({} listener '{}')", BrokerVersion.current(),
                    format(assembly.address(listener.name())), listener.kind(), listener.name());
        }
        return assembly;
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

    /** Network first, so that every connection has reported its close to the core before the core stops. */
    @Override
    public void close() {
        try {
            server.close();
        } finally {
            core.close();
        }
        log.info("TernMQ stopped");
    }

    private static void prepareDataDir(BrokerSettings settings) {
        try {
            Files.createDirectories(settings.dataDir());
        } catch (IOException e) {
            throw new BrokerStartException("cannot create data directory " + settings.dataDir().toAbsolutePath()
                    + ": " + e, e);
        }
        log.info("state is kept in memory; data directory {} is reserved for durable storage",
                settings.dataDir().toAbsolutePath());
    }

    private static String format(InetSocketAddress address) {
        String host = address.getAddress().getHostAddress();
        return (address.getAddress() instanceof Inet6Address ? "[" + host + "]" : host) + ":" + address.getPort();
    }
}
