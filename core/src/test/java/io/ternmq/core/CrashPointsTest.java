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
import io.ternmq.protocol.Suback;
import io.ternmq.protocol.Subscribe;
import io.ternmq.protocol.TopicSubscription;
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
 * Every crash point of a recorded run. A crash keeps a prefix of the writes submitted to durable storage (whole
 * atomic changes): at least what was durable, at most what was submitted. For every prefix the broker is
 * restarted on exactly those rows, and what the clients were told before a crash that could have left that prefix
 * must hold:
 * <ul>
 *   <li>every message acknowledged to its publisher reaches each persistent subscriber that had not acknowledged
 *       it yet [MQTT-4.3.2-2] [MQTT-4.3.3-2];</li>
 *   <li>the retained message of a topic is the last acknowledged one or a later one, never an older one;</li>
 *   <li>a subscription confirmed by SUBACK exists: a subscriber that joined mid-run gets a message published
 *       after the restart.</li>
 * </ul>
 * The seeded runs: QoS 1 and 2 messages into an offline session's queue and into online sessions whose window of
 * two fills (so messages move from queue to flight), with subscribers that acknowledge late, drop their connection
 * and come back, and a quarter of the messages retained on one topic.
 */
class CrashPointsTest {

    private static final int MESSAGES = 30;
    private static final List<String> SUBSCRIBERS = List.of("online-q1", "online-q2", "offline-q2");
    private static final String LATE = "late-q1";
    private static final CoreConfig CONFIG = new CoreConfig(2, 2, 1_000);
    private static final String RETAINED_TOPIC = "t/retained";
    private static final String PROBE = "probe";

    /**
     * When something happened: the writes durable and submitted at that moment, and its place in the run. A crash
     * after it can leave any prefix from {@code durable} writes on; a crash that leaves {@code c} writes can come
     * before it if {@code submitted >= c}.
     */
    private record Stamp(int durable, int submitted, int order) {
        boolean crashMayFollow(int cut) {
            return durable <= cut;
        }

        boolean crashMayPrecede(int cut) {
            return submitted >= cut;
        }
    }

    /** What happened in the recorded run. */
    private static final class Run {
        final RecordingStorage storage = new RecordingStorage();
        final TestBroker broker = new TestBroker(CONFIG, Authenticator.ALLOW_ALL, Authorizer.ALLOW_ALL,
                new CoreStores(storage.storage()));
        /** Payload -> when the publisher had its acknowledgement (PUBACK or PUBREC), in publish order. */
        final Map<String, Stamp> acknowledged = new LinkedHashMap<>();
        /** Payload -> when the publisher sent it. */
        final Map<String, Stamp> published = new HashMap<>();
        /** Subscriber -> payload -> when it sent its PUBACK or PUBREC: from then on it has the message. */
        final Map<String, Map<String, Stamp>> received = new HashMap<>();
        final Map<String, TestClient> online = new HashMap<>();
        /** The payloads published retained, in publish order. */
        final List<String> retained = new ArrayList<>();
        @Nullable Stamp lateSuback;
        int events;

        Stamp now() {
            return new Stamp(storage.durableCount(), storage.writeCount(), events++);
        }
    }

    /** What the restarted broker gave: each subscriber's payloads, and the retained message of the topic, if any. */
    private record Restarted(Map<String, Set<String>> delivered, @Nullable String retained) {
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6})
    void everyCrashPoint_whatClientsWereToldSurvives(long seed) {
        Run run = record(new Random(seed));

        assertThat(run.acknowledged).hasSize(MESSAGES);
        assertThat(run.lateSuback).isNotNull();
        List<String> broken = new ArrayList<>();
        for (int cut = 0; cut <= run.storage.writeCount(); cut++) {
            Restarted restarted = restartAndCollect(run.storage.replay(cut));
            String where = "seed " + seed + ", crash after write " + cut + " of " + run.storage.writeCount() + ": ";
            for (var subscriber : restarted.delivered().entrySet()) {
                for (String payload : run.acknowledged.keySet()) {
                    if (owed(run, subscriber.getKey(), payload, cut)
                            && !subscriber.getValue().contains(payload)) {
                        broken.add(where + subscriber.getKey() + " never gets " + payload);
                    }
                }
            }
            String oldestAllowed = lastRetainedAcknowledgedBefore(run, cut);
            if (oldestAllowed != null && (restarted.retained() == null
                    || run.retained.indexOf(restarted.retained()) < run.retained.indexOf(oldestAllowed))) {
                broken.add(where + "retained " + restarted.retained() + " instead of " + oldestAllowed + " or later");
            }
            if (run.lateSuback.crashMayFollow(cut) && !restarted.delivered().get(LATE).contains(PROBE)) {
                broken.add(where + LATE + " lost the subscription its SUBACK confirmed");
            }
        }
        assertThat(broken).isEmpty();
    }

    /**
     * Whether some crash leaving {@code cut} writes came after the publisher's acknowledgement and before the
     * subscriber had the message (or the subscriber only subscribed later).
     */
    private static boolean owed(Run run, String subscriber, String payload, int cut) {
        Stamp acknowledged = run.acknowledged.get(payload);
        if (!acknowledged.crashMayFollow(cut)) {
            return false;
        }
        if (subscriber.equals(LATE) && (run.lateSuback == null
                || run.published.get(payload).order() < run.lateSuback.order())) {
            return false;
        }
        Stamp received = run.received.getOrDefault(subscriber, Map.of()).get(payload);
        return received == null || received.order() > acknowledged.order() && received.crashMayPrecede(cut);
    }

    private static @Nullable String lastRetainedAcknowledgedBefore(Run run, int cut) {
        String last = null;
        for (String payload : run.retained) {
            Stamp acknowledged = run.acknowledged.get(payload);
            if (acknowledged != null && acknowledged.crashMayFollow(cut)) {
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
            run.received.put(id, new HashMap<>());
            run.online.put(id, subscriber);
        }
        run.online.remove("offline-q2").send(Disconnect.INSTANCE);
        settle(run);
        TestClient publisher = run.broker.connected("publisher", SessionMode.CLEAN);
        Map<Integer, String> sentByPacketId = new HashMap<>();
        int published = 0;
        while (published < MESSAGES || run.acknowledged.size() < MESSAGES) {
            switch (random.nextInt(6)) {
                case 0, 1 -> {
                    if (published < MESSAGES) {
                        published++;
                        sentByPacketId.put(published, "m" + published);
                        publish(run, publisher, random, published);
                    }
                }
                case 2 -> {
                    settle(run);
                    if (published >= MESSAGES / 3 && !run.received.containsKey(LATE)) {
                        TestClient late = run.broker.connected(LATE, SessionMode.PERSISTENT);
                        late.send(new Subscribe(1, List.of(new TopicSubscription("t/#", Qos.AT_LEAST_ONCE))));
                        run.received.put(LATE, new HashMap<>());
                        run.online.put(LATE, late);
                        answer(run, LATE); // a SUBACK sent at once is seen at once
                    }
                }
                case 3 -> answerPublisher(run, publisher, sentByPacketId);
                case 4 -> answerOneSubscriber(run, random);
                default -> reconnectOrDrop(run, random);
            }
        }
        return run;
    }

    private static void publish(Run run, TestClient publisher, Random random, int number) {
        String payload = "m" + number;
        Qos qos = random.nextBoolean() ? Qos.AT_LEAST_ONCE : Qos.EXACTLY_ONCE;
        boolean retain = random.nextInt(4) == 0;
        if (retain) {
            run.retained.add(payload);
        }
        run.published.put(payload, run.now());
        publisher.send(new Publish(retain ? RETAINED_TOPIC : "t/" + number % 3, qos, retain, false, number,
                payload.getBytes(StandardCharsets.UTF_8)));
    }

    private static void settle(Run run) {
        run.storage.completeWrites();
        run.broker.drain();
    }

    private static void answerPublisher(Run run, TestClient publisher, Map<Integer, String> sentByPacketId) {
        for (MqttPacket packet : publisher.take()) {
            switch (packet) {
                case Puback ack -> run.acknowledged.put(sentByPacketId.get(ack.packetId()), run.now());
                case Pubrec rec -> {
                    run.acknowledged.put(sentByPacketId.get(rec.packetId()), run.now());
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
        answer(run, ids.get(random.nextInt(ids.size())));
    }

    private static void answer(Run run, String id) {
        TestClient subscriber = run.online.get(id);
        for (MqttPacket packet : subscriber.take()) {
            switch (packet) {
                case Suback ack -> run.lateSuback = run.now();
                case Publish publish when publish.qos() == Qos.AT_LEAST_ONCE -> {
                    run.received.get(id).putIfAbsent(TestClient.text(publish), run.now());
                    subscriber.send(new Puback(publish.packetId()));
                }
                case Publish publish -> {
                    run.received.get(id).putIfAbsent(TestClient.text(publish), run.now());
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

    /**
     * Restarts on the rows a crash left; every subscriber comes back and takes all it is given, a probe message is
     * published, and a newcomer asks for the retained message.
     */
    private static Restarted restartAndCollect(Storage survivor) {
        try (var broker = new TestBroker(CONFIG, Authenticator.ALLOW_ALL, Authorizer.ALLOW_ALL,
                new CoreStores(survivor))) {
            Map<String, TestClient> back = new LinkedHashMap<>();
            for (String id : List.of(SUBSCRIBERS.get(0), SUBSCRIBERS.get(1), SUBSCRIBERS.get(2), LATE)) {
                TestClient subscriber = broker.client("restarted-" + id);
                subscriber.send(TestBroker.connect(id, SessionMode.PERSISTENT, 0, null));
                back.put(id, subscriber);
            }
            broker.connected("prober", SessionMode.CLEAN).send(TestClient.publish("t/probe", Qos.AT_MOST_ONCE, 0,
                    PROBE));
            Map<String, Set<String>> delivered = new HashMap<>();
            back.forEach((id, subscriber) -> delivered.put(id, takeAll(subscriber)));
            TestClient newcomer = broker.connected("newcomer", SessionMode.CLEAN);
            newcomer.subscribe(1, RETAINED_TOPIC, Qos.AT_MOST_ONCE);
            List<Publish> retained = newcomer.channel().publishes();
            return new Restarted(delivered, retained.isEmpty() ? null : TestClient.text(retained.getFirst()));
        }
    }

    /** Answers every PUBLISH and PUBREL until nothing more comes; the payloads it got. */
    private static Set<String> takeAll(TestClient subscriber) {
        Set<String> payloads = new HashSet<>();
        for (List<MqttPacket> packets = subscriber.take(); !packets.isEmpty(); packets = subscriber.take()) {
            for (MqttPacket packet : packets) {
                switch (packet) {
                    case Publish publish when publish.qos() == Qos.AT_MOST_ONCE ->
                            payloads.add(TestClient.text(publish));
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
        return payloads;
    }
}
