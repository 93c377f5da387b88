package io.ternmq.core;

import io.ternmq.core.TestBroker.SessionMode;
import io.ternmq.core.auth.Authenticator;
import io.ternmq.core.auth.Authorizer;
import io.ternmq.protocol.Connack;
import io.ternmq.protocol.Disconnect;
import io.ternmq.protocol.MqttPacket;
import io.ternmq.protocol.Puback;
import io.ternmq.protocol.Pubcomp;
import io.ternmq.protocol.Publish;
import io.ternmq.protocol.Pubrec;
import io.ternmq.protocol.Pubrel;
import io.ternmq.protocol.Qos;
import io.ternmq.store.Storage;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every crash point of a recorded run. A crash keeps some prefix of the writes submitted to durable storage (whole
 * atomic changes), so for every prefix the broker is restarted on exactly those rows, and every message it had
 * acknowledged to the publisher before that point must still reach each persistent subscriber that had not
 * acknowledged it yet [MQTT-4.3.2-2] [MQTT-4.3.3-2]. The run, seeded: QoS 1 and 2 messages into an offline
 * session's queue and into online sessions whose window of two fills (so messages move from queue to flight), with
 * subscribers that acknowledge late, drop their connection and come back. Some messages are retained on one topic:
 * after the restart that topic's retained message is the last one acknowledged before the crash point, or one
 * published after it, never an older one.
 */
class CrashPointsTest {

    private static final int MESSAGES = 30;
    private static final List<String> SUBSCRIBERS = List.of("online-q1", "online-q2", "offline-q2");
    private static final CoreConfig CONFIG = new CoreConfig(2, 2, 1_000);
    private static final String RETAINED_TOPIC = "t/retained";

    /** What happened in the recorded run, each fact stamped with the write count when it happened. */
    private static final class Run {
        final RecordingStorage storage = new RecordingStorage();
        final TestBroker broker = new TestBroker(CONFIG, Authenticator.ALLOW_ALL, Authorizer.ALLOW_ALL,
                new CoreStores(storage));
        /** Payload -> writes submitted when the publisher had its acknowledgement (PUBACK or PUBREC). */
        final Map<String, Integer> acknowledgedAt = new LinkedHashMap<>();
        /** Subscriber -> payload -> writes submitted when it sent its PUBACK or PUBREC: from then on it has it. */
        final Map<String, Map<String, Integer>> receivedAt = new HashMap<>();
        final Map<String, TestClient> online = new HashMap<>();
        /** The payloads published retained, in publish order. */
        final List<String> retained = new ArrayList<>();
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6})
    void everyCrashPoint_acknowledgedMessagesReachEveryPersistentSubscriber(long seed) {
        Run run = record(new Random(seed));

        assertThat(run.acknowledgedAt).hasSize(MESSAGES);
        List<String> lost = new ArrayList<>();
        for (int cut = 0; cut <= run.storage.writeCount(); cut++) {
            Restarted restarted = restartAndCollect(run.storage.replay(cut));
            Map<String, Set<String>> delivered = restarted.delivered();
            String oldestAllowed = lastRetainedAcknowledgedBy(run, cut);
            if (oldestAllowed != null && (restarted.retained() == null
                    || run.retained.indexOf(restarted.retained()) < run.retained.indexOf(oldestAllowed))) {
                lost.add("seed " + seed + ", crash after write " + cut + ": retained " + restarted.retained()
                        + " instead of " + oldestAllowed + " or later");
            }
            for (String subscriber : SUBSCRIBERS) {
                for (var acknowledged : run.acknowledgedAt.entrySet()) {
                    String payload = acknowledged.getKey();
                    Integer received = run.receivedAt.get(subscriber).get(payload);
                    boolean owed = acknowledged.getValue() <= cut && (received == null || received > cut);
                    if (owed && !delivered.get(subscriber).contains(payload)) {
                        lost.add("seed " + seed + ", crash after write " + cut + " of " + run.storage.writeCount()
                                + ": " + subscriber + " never gets " + payload);
                    }
                }
            }
        }
        assertThat(lost).isEmpty();
    }

    private static String lastRetainedAcknowledgedBy(Run run, int cut) {
        String last = null;
        for (String payload : run.retained) {
            if (run.acknowledgedAt.getOrDefault(payload, Integer.MAX_VALUE) <= cut) {
                last = payload;
            }
        }
        return last;
    }

    private static Run record(Random random) {
        Run run = new Run();
        for (String id : SUBSCRIBERS) {
            TestClient subscriber = run.broker.connected(id, SessionMode.PERSISTENT);
            subscriber.subscribe(1, "t/#", id.endsWith("q1") ? Qos.AT_LEAST_ONCE : Qos.EXACTLY_ONCE);
            run.receivedAt.put(id, new HashMap<>());
            run.online.put(id, subscriber);
        }
        run.online.remove("offline-q2").send(Disconnect.INSTANCE);
        settle(run);
        TestClient publisher = run.broker.connected("publisher", SessionMode.CLEAN);
        Map<Integer, String> sentByPacketId = new HashMap<>();
        int published = 0;
        while (published < MESSAGES || run.acknowledgedAt.size() < MESSAGES) {
            switch (random.nextInt(6)) {
                case 0, 1 -> {
                    if (published < MESSAGES) {
                        published++;
                        String payload = "m" + published;
                        sentByPacketId.put(published, payload);
                        Qos qos = random.nextBoolean() ? Qos.AT_LEAST_ONCE : Qos.EXACTLY_ONCE;
                        if (random.nextInt(4) == 0) {
                            run.retained.add(payload);
                            publisher.send(new Publish(RETAINED_TOPIC, qos, true, false, published,
                                    payload.getBytes(StandardCharsets.UTF_8)));
                        } else {
                            publisher.send(TestClient.publish("t/" + published % 3, qos, published, payload));
                        }
                    }
                }
                case 2 -> settle(run);
                case 3 -> answerPublisher(run, publisher, sentByPacketId);
                case 4 -> answerOneSubscriber(run, random);
                default -> reconnectOrDrop(run, random);
            }
        }
        return run;
    }

    private static void settle(Run run) {
        run.storage.completeWrites();
        run.broker.drain();
    }

    private static void answerPublisher(Run run, TestClient publisher, Map<Integer, String> sentByPacketId) {
        for (MqttPacket packet : publisher.take()) {
            switch (packet) {
                case Puback ack -> run.acknowledgedAt.put(sentByPacketId.get(ack.packetId()), run.storage.writeCount());
                case Pubrec rec -> {
                    run.acknowledgedAt.put(sentByPacketId.get(rec.packetId()), run.storage.writeCount());
                    publisher.send(new Pubrel(rec.packetId()));
                }
                default -> { } // PUBCOMP
            }
        }
    }

    /** An online subscriber answers what it was sent: it may have been sent more meanwhile, which waits. */
    private static void answerOneSubscriber(Run run, Random random) {
        if (run.online.isEmpty()) {
            return;
        }
        List<String> ids = new ArrayList<>(run.online.keySet());
        ids.sort(null);
        String id = ids.get(random.nextInt(ids.size()));
        TestClient subscriber = run.online.get(id);
        for (MqttPacket packet : subscriber.take()) {
            switch (packet) {
                case Publish publish when publish.qos() == Qos.AT_LEAST_ONCE -> {
                    run.receivedAt.get(id).putIfAbsent(TestClient.text(publish), run.storage.writeCount());
                    subscriber.send(new Puback(publish.packetId()));
                }
                case Publish publish -> {
                    run.receivedAt.get(id).putIfAbsent(TestClient.text(publish), run.storage.writeCount());
                    subscriber.send(new Pubrec(publish.packetId()));
                }
                case Pubrel rel -> subscriber.send(new Pubcomp(rel.packetId()));
                default -> { }
            }
        }
    }

    /** A subscriber's connection breaks (what it was sent and did not answer comes again), or it comes back. */
    private static void reconnectOrDrop(Run run, Random random) {
        String id = SUBSCRIBERS.get(random.nextInt(2)); // the offline one stays offline: its queue only grows
        TestClient connected = run.online.remove(id);
        if (connected != null) {
            connected.networkClosed();
        } else {
            TestClient back = run.broker.client("back-" + id);
            back.send(TestBroker.connect(id, SessionMode.PERSISTENT, 0, null));
            back.channel().discard(Connack.class);
            run.online.put(id, back);
        }
    }

    /** What the restarted broker gave: each subscriber's payloads, and the retained message of the topic, if any. */
    private record Restarted(Map<String, Set<String>> delivered, @Nullable String retained) {
    }

    /**
     * Restarts on the rows a crash left, lets every subscriber come back and take all it is given, then asks for
     * the retained message.
     */
    private static Restarted restartAndCollect(Storage survivor) {
        Map<String, Set<String>> delivered = new HashMap<>();
        try (var broker = new TestBroker(CONFIG, Authenticator.ALLOW_ALL, Authorizer.ALLOW_ALL,
                new CoreStores(survivor))) {
            for (String id : SUBSCRIBERS) {
                Set<String> payloads = new HashSet<>();
                TestClient subscriber = broker.client("restarted-" + id);
                subscriber.send(TestBroker.connect(id, SessionMode.PERSISTENT, 0, null));
                for (List<MqttPacket> packets = subscriber.take(); !packets.isEmpty(); packets = subscriber.take()) {
                    for (MqttPacket packet : packets) {
                        switch (packet) {
                            case Publish publish when publish.qos() == Qos.AT_LEAST_ONCE -> {
                                payloads.add(TestClient.text(publish));
                                subscriber.send(new Puback(publish.packetId()));
                            }
                            case Publish publish -> {
                                payloads.add(TestClient.text(publish));
                                subscriber.send(new Pubrec(publish.packetId()));
                            }
                            case Pubrel rel -> subscriber.send(new Pubcomp(rel.packetId()));
                            default -> { } // CONNACK
                        }
                    }
                }
                delivered.put(id, payloads);
            }
            TestClient newcomer = broker.connected("newcomer", SessionMode.CLEAN);
            newcomer.subscribe(1, RETAINED_TOPIC, Qos.AT_MOST_ONCE);
            List<Publish> retained = newcomer.channel().publishes();
            return new Restarted(delivered, retained.isEmpty() ? null : TestClient.text(retained.getFirst()));
        }
    }
}
