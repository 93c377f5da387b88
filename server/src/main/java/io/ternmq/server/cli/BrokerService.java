package io.ternmq.server.cli;

import io.ternmq.core.auth.Authenticator;
import io.ternmq.core.auth.Authorizer;
import io.ternmq.server.Broker;
import io.ternmq.server.CorruptDataPolicy;
import io.ternmq.store.StorageMode;
import io.ternmq.server.config.EffectiveConfig;
import io.ternmq.server.config.ServerConfig;
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
            broker = Broker.builder()
                    .bind(bind)
                    .port(config.listener().port())
                    .maxPacketSize(config.limits().maxPacketSize())
                    .maxInflightMessages(config.limits().maxInflightMessages())
                    .maxQueuedMessages(config.limits().maxQueuedMessages())
                    .connectTimeout(config.limits().connectTimeout())
                    .sessionThreads(config.sessions().threads())
                    .dataDir(config.storage().dataDir())
                    .storageMode(StorageMode.valueOf(config.storage().mode().toUpperCase(java.util.Locale.ROOT)))
                    .onCorruptData(config.storage().onCorrupt().equals("move-aside")
                            ? CorruptDataPolicy.MOVE_ASIDE : CorruptDataPolicy.STOP)
                    .authenticator(Authenticator.ALLOW_ALL)
                    .authorizer(Authorizer.ALLOW_ALL)
                    .start();
        } catch (RuntimeException failure) {
            throw new StartupException("cannot start the broker on " + hostPort(bind, config.listener().port())
                    + ": " + describe(failure), failure);
        }
        log.info("Listening for MQTT 3.1.1 on tcp://{}; anonymous access: any client may connect, publish and "
                + "subscribe", hostPort(bind, broker.port()));
        return new BrokerService(broker, bind);
    }

    int port() {
        return broker.port();
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
}
