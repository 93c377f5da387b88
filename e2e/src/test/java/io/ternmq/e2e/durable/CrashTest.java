package io.ternmq.e2e.durable;

import io.ternmq.testkit.CleanSession;
import io.ternmq.testkit.Packets;
import io.ternmq.testkit.RawMqttClient;
import io.ternmq.testkit.ReceivedPublish;
import io.ternmq.testkit.Retain;
import io.ternmq.testkit.SessionPresent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The acceptance test of durable storage: a broker in a child JVM (wal mode) under QoS 1 and QoS 2 load is killed
 * with SIGKILL at a seeded random moment, several rounds on the same data directory. After every restart each
 * acknowledged message reaches the persistent subscribers (QoS 1 at least once, QoS 2 exactly once, each
 * publisher's order kept), and the retained message and the subscriptions are intact. Two subscribers are offline
 * during the load; a third is online and reading (QoS 2) when the kill comes.
 */
class CrashTest {

    private static final Logger LOG = LoggerFactory.getLogger(CrashTest.class);
    private static final long SEED = 20_261_125L;
    private static final int ROUNDS = 5;
    private static final int QUOTA_PER_ROUND = 4_000;

    @TempDir
    Path dataDir;
    /** The children's temporary files, removed with the test even though every child but the last is killed. */
    @TempDir
    Path childTempDir;

    private final Random random = new Random(SEED);
    private final LoadPublisher qos1 = new LoadPublisher("p1", "crash/p/q1", 1);
    private final LoadPublisher qos2 = new LoadPublisher("p2", "crash/p/q2", 2);
    private final CheckingSubscriber exactlyOnce = new CheckingSubscriber("crash-sub-q2", 2);
    private final CheckingSubscriber atLeastOnce = new CheckingSubscriber("crash-sub-q1", 1);
    private final CheckingSubscriber online = new CheckingSubscriber("crash-sub-online", 2);
    private final List<CheckingSubscriber> subscribers = List.of(exactlyOnce, atLeastOnce, online);

    @Test
    @Timeout(120) // seven child JVMs start here: on a loaded two-core machine that alone can take half a minute
    void killDuringLoad_severalRounds_everyAcknowledgedMessageDelivered() throws Exception {
        try (ChildBroker first = ChildBroker.start(dataDir, childTempDir)) {
            for (CheckingSubscriber subscriber : subscribers) {
                subscriber.subscribeFirstTime(first.port(), "crash/p/#");
            }
            RawMqttClient retainer = Mqtt.connect(first.port(), "retainer", CleanSession.YES, SessionPresent.NO);
            Mqtt.publishQos1(retainer, "crash/retained", Retain.YES, 1, "keep:0");
            Mqtt.disconnect(retainer);
        }
        for (int round = 1; round <= ROUNDS; round++) {
            try (ChildBroker broker = ChildBroker.start(dataDir, childTempDir)) {
                verify(broker.port());
                int killAfterAcks = 200 + random.nextInt(1_500);
                loadAndKill(broker, killAfterAcks);
                LOG.info("crash round {}: killed after {} acks; acknowledged so far p1={} p2={}", round,
                        killAfterAcks, qos1.acknowledged.size(), qos2.acknowledged.size());
            }
        }
        try (ChildBroker last = ChildBroker.start(dataDir, childTempDir)) {
            verify(last.port());
        }
        LOG.info("crash test: {} rounds, acknowledged p1={} p2={}, deliveries {}={} {}={} {}={}", ROUNDS,
                qos1.acknowledged.size(), qos2.acknowledged.size(), exactlyOnce.clientId, exactlyOnce.deliveries,
                atLeastOnce.clientId, atLeastOnce.deliveries, online.clientId, online.deliveries);
        assertThat(qos1.acknowledged).hasSizeGreaterThan(ROUNDS * 100);
        assertThat(qos2.acknowledged).hasSizeGreaterThan(ROUNDS * 100);
    }

    private void loadAndKill(ChildBroker broker, int killAfterAcks) throws InterruptedException {
        int ackedBefore = qos1.acknowledged.size() + qos2.acknowledged.size();
        Thread listener = Thread.ofPlatform().start(() -> online.listenUntilKilled(broker.port()));
        List<Thread> publishers = List.of(
                Thread.ofPlatform().start(() -> qos1.publishRound(broker.port(), QUOTA_PER_ROUND)),
                Thread.ofPlatform().start(() -> qos2.publishRound(broker.port(), QUOTA_PER_ROUND)));
        await().atMost(Duration.ofSeconds(30)).until(() ->
                qos1.acknowledged.size() + qos2.acknowledged.size() - ackedBefore >= killAfterAcks);
        broker.kill(); // mid-load: both publishers have messages in flight
        for (Thread publisher : publishers) {
            publisher.join(TimeUnit.SECONDS.toMillis(30));
        }
        listener.join(TimeUnit.SECONDS.toMillis(30));
    }

    private void verify(int port) {
        Map<String, Set<Integer>> expected = Map.of(qos1.name, Set.copyOf(qos1.acknowledged),
                qos2.name, Set.copyOf(qos2.acknowledged));
        for (CheckingSubscriber subscriber : subscribers) {
            subscriber.collect(port, expected);
            assertThat(subscriber.violations).isEmpty();
        }

        RawMqttClient checker = Mqtt.connect(port, "retained-check", CleanSession.YES, SessionPresent.NO);
        Mqtt.subscribe(checker, "crash/retained", 1);
        ReceivedPublish retained = checker.readPublish();
        checker.send(Packets.puback(retained.packetId()));
        assertThat(retained.payloadText()).isEqualTo("keep:0");
        assertThat(retained.retain()).isEqualTo(Retain.YES);
        Mqtt.disconnect(checker);
    }
}
