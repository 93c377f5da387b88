package io.ternmq.server;

import io.ternmq.core.BrokerCore;
import io.ternmq.server.admin.AdminContext;
import io.ternmq.server.admin.AdminServer;
import io.ternmq.server.admin.AdminSettings;
import io.ternmq.server.admin.SecurityReloader;
import io.ternmq.server.config.DurationRange;
import io.ternmq.server.config.Secret;
import io.ternmq.server.metrics.BrokerMetrics;
import io.ternmq.server.sys.SysPublisher;
import io.ternmq.transport.MqttServer;
import org.jspecify.annotations.Nullable;

import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicBoolean;

/** The operator-facing parts of one broker: meters, the $SYS publisher and the admin listener. */
final class Observability implements AutoCloseable {

    private static final String MASK = Secret.MASK;
    /** Formats durations the way the configuration file writes them (10s, 500ms). */
    private static final DurationRange CONFIG_DURATION = new DurationRange(Duration.ZERO, Duration.ofDays(365));

    private final BrokerMetrics metrics;
    private final @Nullable SysPublisher sys;
    private final @Nullable AdminServer admin;
    private final AtomicBoolean closed;

    private Observability(BrokerMetrics metrics, @Nullable SysPublisher sys, @Nullable AdminServer admin,
                          AtomicBoolean closed) {
        this.metrics = metrics;
        this.sys = sys;
        this.admin = admin;
        this.closed = closed;
    }

    static Observability start(BrokerSettings settings, BrokerCore core, MqttServer server,
                               SecurityReloader reloader) {
        ObservabilitySettings observability = settings.observability();
        var metrics = new BrokerMetrics(core.stats(), server.stats());
        metrics.bindStorage(core.storageMode(), core.storageStats());
        SysPublisher sys = observability.sysInterval().isZero() ? null
                : SysPublisher.start(observability.sysInterval(), BrokerVersion.current(), core.stats(),
                server.stats(), core.admin());
        AtomicBoolean closed = new AtomicBoolean();
        AdminServer admin = null;
        AdminSettings adminSettings = observability.admin();
        if (adminSettings != null) {
            var context = new AdminContext(core.admin(), core.stats(), BrokerVersion.current(),
                    System.currentTimeMillis(), server::addresses, describe(settings),
                    () -> !closed.get() && !server.addresses().isEmpty(), reloader);
            try {
                admin = AdminServer.start(adminSettings, context, metrics);
            } catch (IOException | RuntimeException e) {
                if (sys != null) {
                    sys.close();
                }
                metrics.close();
                throw new BrokerStartException("cannot start the admin listener on " + adminSettings.bind() + ":"
                        + adminSettings.port() + ": " + e.getMessage(), e);
            }
        }
        return new Observability(metrics, sys, admin, closed);
    }

    OptionalInt adminPort() {
        return admin == null ? OptionalInt.empty() : OptionalInt.of(admin.port());
    }

    /** The settings in force, named like the configuration keys, secrets masked. */
    private static Map<String, String> describe(BrokerSettings s) {
        Map<String, String> config = new LinkedHashMap<>();
        for (var listener : s.listeners()) {
            String prefix = "listeners." + listener.name() + ".";
            config.put(prefix + "type", listener.kind().name().toLowerCase(java.util.Locale.ROOT));
            config.put(prefix + "bind", listener.bind());
            config.put(prefix + "port", Integer.toString(listener.port()));
        }
        config.put("limits.max_connections", Integer.toString(s.maxConnections()));
        config.put("limits.max_packet_size", Integer.toString(s.maxPacketSize()));
        config.put("limits.max_inflight_messages", Integer.toString(s.maxInflightMessages()));
        config.put("limits.max_queued_messages", Integer.toString(s.maxQueuedMessages()));
        config.put("limits.connect_timeout", CONFIG_DURATION.format(s.connectTimeout()));
        config.put("limits.max_memory", Long.toString(s.memory().globalBytes()));
        config.put("limits.max_client_memory", Long.toString(s.memory().clientBytes()));
        config.put("limits.slow_consumer_policy",
                s.memory().rules().defaultPolicy().name().toLowerCase(java.util.Locale.ROOT));
        config.put("mqtt.receive_maximum", Integer.toString(s.mqtt5().receiveMaximum()));
        config.put("mqtt.topic_alias_maximum", Integer.toString(s.mqtt5().topicAliasMaximum()));
        config.put("mqtt.outbound_topic_aliases",
                s.mqtt5().outboundTopicAliases().name().toLowerCase(java.util.Locale.ROOT));
        config.put("mqtt.shared_subscriptions", Boolean.toString(s.mqtt5().subscriptions().shared()));
        config.put("mqtt.subscription_identifiers", Boolean.toString(s.mqtt5().subscriptions().identifiers()));
        config.put("mqtt.wildcard_subscriptions", Boolean.toString(s.mqtt5().subscriptions().wildcards()));
        config.put("sessions.threads", Integer.toString(s.sessionThreads()));
        config.put("sessions.run_on", s.sessionThreading().name().toLowerCase(java.util.Locale.ROOT));
        config.put("sessions.balance_io_threads", Boolean.toString(s.balanceIoThreads()));
        config.put("storage.data_dir", s.dataDir().toString());
        config.put("sys.interval", CONFIG_DURATION.format(s.observability().sysInterval()));
        AdminSettings admin = s.observability().admin();
        config.put("admin.enabled", Boolean.toString(admin != null));
        if (admin != null) {
            config.put("admin.bind", admin.bind());
            config.put("admin.port", Integer.toString(admin.port()));
            config.put("admin.token", admin.credentials().token().isEmpty() ? "" : MASK);
            config.put("admin.username", admin.credentials().username());
            config.put("admin.password", admin.credentials().password().isEmpty() ? "" : MASK);
        }
        return config;
    }

    /** Admin first (it answers about the rest), then $SYS, then the meters. */
    @Override
    public void close() {
        closed.set(true);
        if (admin != null) {
            admin.close();
        }
        if (sys != null) {
            sys.close();
        }
        metrics.close();
    }
}
