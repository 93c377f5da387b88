package io.ternmq.server;

import io.ternmq.core.BrokerCore;
import io.ternmq.core.BrokerStats;
import io.ternmq.core.Clock;
import io.ternmq.core.CoreConfig;
import io.ternmq.core.SessionExecutorFactory;
import io.ternmq.store.Storage;
import io.ternmq.store.StorageMode;
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
    private static final String TCP_LISTENER = "tcp";

    private final BrokerCore core;
    private final MqttServer server;
    private final Storage storage;

    private BrokerAssembly(BrokerCore core, MqttServer server, Storage storage) {
        this.core = core;
        this.server = server;
        this.storage = storage;
    }

    static BrokerAssembly start(BrokerSettings settings) {
        prepareDataDir(settings);
        var coreConfig = new CoreConfig(settings.sessionThreads(), settings.maxInflightMessages(),
                settings.maxQueuedMessages());
        var opened = StorageOpening.open(settings.dataDir(), settings.storageMode(), settings.onCorruptData(),
                stores -> new BrokerCore(coreConfig, settings.authenticator(), settings.authorizer(), Clock.SYSTEM,
                        stores, SessionExecutorFactory.SINGLE_THREADS));
        var core = opened.user();
        Storage storage = opened.storage();
        MqttServer server;
        try {
            var transportConfig = new TransportConfig(settings.maxPacketSize(), settings.connectTimeout(),
                    Runtime.getRuntime().availableProcessors());
            var listener = new ListenerConfig(TCP_LISTENER, settings.bind(), settings.port());
            server = MqttServer.start(transportConfig, List.of(listener), core::accept);
        } catch (ListenerBindException e) {
            core.close();
            storage.close();
            throw new BrokerStartException(e.getMessage(), e);
        } catch (RuntimeException e) {
            core.close();
            storage.close();
            throw e;
        }
        var assembly = new BrokerAssembly(core, server, storage);
        log.info("TernMQ {} listening on {}", BrokerVersion.current(), format(assembly.address()));
        return assembly;
    }

    InetSocketAddress address() {
        return server.address(TCP_LISTENER);
    }

    BrokerStats stats() {
        return core.stats();
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
        try {
            server.close();
        } finally {
            try {
                core.close();
            } finally {
                storage.close();
            }
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
        if (settings.storageMode() == StorageMode.MEMORY) {
            log.info("storage mode memory: state is kept in memory only, nothing survives a restart");
        } else {
            log.info("storage mode {}: data in {}", settings.storageMode().configName(),
                    settings.dataDir().toAbsolutePath());
        }
    }

    private static String format(InetSocketAddress address) {
        String host = address.getAddress().getHostAddress();
        return (address.getAddress() instanceof Inet6Address ? "[" + host + "]" : host) + ":" + address.getPort();
    }
}
