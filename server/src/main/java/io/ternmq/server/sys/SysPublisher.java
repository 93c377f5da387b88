package io.ternmq.server.sys;

import io.ternmq.core.AdminOperations;
import io.ternmq.core.BrokerStats;
import io.ternmq.transport.TransportStats;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SequencedMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Publishes the $SYS tree every interval as retained QoS 0 messages through the normal router, so subscribers
 * get them only through subscriptions the authorizer allowed. A topic is republished only when its text changed,
 * and a tick's changes go to the broker in one batch.
 * One daemon thread owns every piece of state here.
 */
public final class SysPublisher implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SysPublisher.class);

    private final AdminOperations operations;
    private final SysTopics topics;
    private final long startedNanos = System.nanoTime();
    private final Map<String, String> published = new HashMap<>();
    private final ScheduledExecutorService timer;
    private long lastTickNanos = startedNanos;

    private SysPublisher(AdminOperations operations, SysTopics topics) {
        this.operations = operations;
        this.topics = topics;
        this.timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "ternmq-sys");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Starts publishing every {@code interval} (positive), the first time at once. */
    public static SysPublisher start(Duration interval, String version, BrokerStats broker, TransportStats transport,
                                     AdminOperations operations) {
        var publisher = new SysPublisher(operations, new SysTopics(version, broker, transport));
        publisher.timer.scheduleAtFixedRate(publisher::publishGuarded, 0, interval.toNanos(), TimeUnit.NANOSECONDS);
        return publisher;
    }

    private void publishGuarded() {
        try {
            publish();
        } catch (RuntimeException e) {
            log.warn("publishing $SYS topics failed", e);
        }
    }

    private void publish() {
        long now = System.nanoTime();
        double elapsed = (now - lastTickNanos) / 1e9;
        if (elapsed > 0) {
            topics.tick(elapsed);
            lastTickNanos = now;
        }
        long uptime = TimeUnit.NANOSECONDS.toSeconds(now - startedNanos);
        SequencedMap<String, byte[]> changed = new LinkedHashMap<>();
        topics.values(uptime).forEach((topic, text) -> {
            if (!text.equals(published.put(topic, text))) {
                changed.put(topic, text.getBytes(StandardCharsets.UTF_8));
            }
        });
        operations.publishRetained(changed);
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
