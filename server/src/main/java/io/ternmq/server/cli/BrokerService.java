package io.ternmq.server.cli;

import io.ternmq.core.OutboundAliasPolicy;
import io.ternmq.core.RetainSupport;
import io.ternmq.core.ServerRedirect;
import io.ternmq.core.SubscriptionFeatures;
import io.ternmq.protocol.Qos;
import io.ternmq.server.Broker;
import io.ternmq.server.CorruptDataPolicy;
import io.ternmq.server.SessionThreading;
import io.ternmq.server.config.AdminConfig;
import io.ternmq.server.config.EffectiveConfig;
import io.ternmq.server.config.ListenerConfig;
import io.ternmq.server.config.MqttConfig;
import io.ternmq.server.config.ServerConfig;
import io.ternmq.server.security.AnonymousAccess;
import io.ternmq.server.security.ReloadResult;
import io.ternmq.store.StorageMode;
import io.ternmq.transport.ListenerKind;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A broker started from the effective configuration, plus the latch the {@code start} command waits on until a
 * shutdown hook (or a test) closes it.
 */
final class BrokerService implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(BrokerService.class);

    private final Broker broker;
    private final String bind;
    private final AtomicBoolean closing = new AtomicBoolean();
    private final CountDownLatch stopped = new CountDownLatch(1);

    private BrokerService(Broker broker, String bind) {
        this.broker = broker;
        this.bind = bind;
    }

    static BrokerService start(EffectiveConfig effective) {
        ServerConfig config = effective.config();
        String bind = config.listener().bind();
        log.info("TernMQ {} starting on {}: {}", Version.current(), Version.runtime(), effective.summary());
        Broker broker;
        try {
            Broker.Builder builder = Broker.builder()
                    .bind(bind)
                    .port(config.listener().port())
                    .defaultListenerLimits(config.listener().limits())
                    .defaultListenerAnonymous(config.listener().anonymous())
                    .maxConnections(config.limits().maxConnections())
                    .maxPendingConnects(config.limits().maxPendingConnects());
            if (config.listener().state() == ListenerConfig.DefaultListener.DISABLED) {
                builder.withoutDefaultListener();
            }
            config.listeners().forEach(builder::listener);
            builder.maxPacketSize(config.limits().maxPacketSize())
                    .maxInflightMessages(config.limits().maxInflightMessages())
                    .maxQueuedMessages(config.limits().maxQueuedMessages())
                    .connectTimeout(config.limits().connectTimeout())
                    .sessionThreads(config.sessions().threads())
                    .sessionThreading(config.sessions().runOn().equals("io_threads")
                            ? SessionThreading.IO_THREADS : SessionThreading.OWN_THREADS)
                    .balanceIoThreads(config.sessions().balanceIoThreads())
                    .dataDir(config.storage().dataDir())
                    .maxTopicLength(config.limits().maxTopicLength())
                    .maxTopicLevels(config.limits().maxTopicLevels())
                    .maxSubscriptionsPerClient(config.limits().maxSubscriptionsPerClient())
                    .anonymousAccess(config.auth().allowAnonymous())
                    .securityReloadInterval(config.auth().reloadInterval())
                    .sysInterval(config.sys().interval())
                    .storageMode(StorageMode.valueOf(config.storage().mode().toUpperCase(java.util.Locale.ROOT)))
                    .onCorruptData(config.storage().onCorrupt().equals("move-aside")
                            ? CorruptDataPolicy.MOVE_ASIDE : CorruptDataPolicy.STOP)
                    .maxPendingWrites(config.storage().maxPendingWrites())
                    .maxKeepAlive(config.mqtt().maxKeepAlive())
                    .maxSessionExpiry(config.mqtt().maxSessionExpiry())
                    .responseInformation(config.mqtt().responseInformation())
                    .serverRedirect(redirect(config.mqtt()))
                    .receiveMaximum(config.mqtt().receiveMaximum())
                    .topicAliasMaximum(config.mqtt().topicAliasMaximum())
                    .outboundTopicAliases(OutboundAliasPolicy.valueOf(
                            config.mqtt().outboundTopicAliases().toUpperCase(java.util.Locale.ROOT)))
                    .maximumQos(Qos.fromValue(config.mqtt().maximumQos()))
                    .retainSupport(config.mqtt().retainAvailable() ? RetainSupport.AVAILABLE
                            : RetainSupport.UNAVAILABLE)
                    .subscriptionFeatures(new SubscriptionFeatures(config.mqtt().sharedSubscriptions(),
                            config.mqtt().subscriptionIdentifiers(), config.mqtt().wildcardSubscriptions()))
                    .memoryLimits(config.limits().memory());
            AdminConfig admin = config.admin();
            if (admin.enabled()) {
                builder.adminListener(admin.bind(), admin.port());
                if (!admin.token().isEmpty()) {
                    builder.adminToken(admin.token());
                }
                if (!admin.username().isEmpty()) {
                    builder.adminCredentials(admin.username(), admin.password());
                }
            }
            config.auth().passwordFile().ifPresent(builder::passwordFile);
            config.auth().aclFile().ifPresent(builder::aclFile);
            config.auth().anonymousListeners().forEach(builder::anonymousAccess);
            broker = builder.start();
        } catch (RuntimeException failure) {
            throw new StartupException("cannot start the broker on " + hostPort(bind, config.listener().port())
                    + ": " + describe(failure), failure);
        }
        for (io.ternmq.transport.ListenerConfig listener : broker.listeners()) {
            log.info("Listening for MQTT 3.1.1 on {}://{}{} (listener '{}')", scheme(listener.kind()),
                    hostPort(listener.bind(), broker.port(listener.name())),
                    listener.kind().framing() == ListenerKind.Framing.WEBSOCKET
                            ? io.ternmq.transport.ListenerConfig.WEBSOCKET_PATH : "", listener.name());
        }
        log.info("Access: {}", access(config));
        ReloadSignal.install(broker::reloadSecurity);
        return new BrokerService(broker, bind);
    }

    private static String access(ServerConfig config) {
        String anonymous = config.auth().allowAnonymous() == AnonymousAccess.ALLOWED
                ? "anonymous clients may connect" : "anonymous clients are refused";
        String users = config.auth().passwordFile().map(file -> "users from " + file)
                .orElse("user names are not checked");
        String rules = config.auth().aclFile().map(file -> "access rules from " + file)
                .orElse("every client may publish and subscribe to every topic");
        return anonymous + "; " + users + "; " + rules;
    }

    ReloadResult reloadSecurity() {
        return broker.reloadSecurity();
    }

    int port() {
        return broker.port();
    }

    int adminPort() {
        return broker.adminPort();
    }

    int port(String listenerName) {
        return broker.port(listenerName);
    }

    private static String scheme(ListenerKind kind) {
        return switch (kind) {
            case TCP -> "mqtt";
            case TLS -> "mqtts";
            case WS -> "ws";
            case WSS -> "wss";
        };
    }

    void awaitStop() throws InterruptedException {
        stopped.await();
    }

    /** Stops the broker once; later calls (the hook after a normal return, or the reverse) do nothing. */
    @Override
    public void close() {
        if (!closing.compareAndSet(false, true)) {
            return;
        }
        log.info("Stopping the broker on {}", bind);
        try {
            broker.close();
            log.info("Stopped");
        } finally {
            stopped.countDown();
        }
    }

    private static String hostPort(String host, int port) {
        return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
    }

    private static String describe(Throwable failure) {
        String message = failure.getMessage();
        return message == null || message.isBlank() ? failure.getClass().getSimpleName() : message;
    }

    /** The {@code mqtt.server_reference} redirect, or none when the reference is empty. */
    private static @Nullable ServerRedirect redirect(MqttConfig mqtt) {
        if (mqtt.serverReference().isEmpty()) {
            return null;
        }
        return new ServerRedirect(mqtt.serverReference(), mqtt.serverReferenceCode().equals("server_moved")
                ? ServerRedirect.Kind.SERVER_MOVED : ServerRedirect.Kind.USE_ANOTHER_SERVER);
    }
}
