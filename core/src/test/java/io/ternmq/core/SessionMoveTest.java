package io.ternmq.core;

import io.ternmq.core.TestBroker.SessionMode;
import io.ternmq.protocol.Connack;
import io.ternmq.protocol.Connect;
import io.ternmq.protocol.ConnectReturnCode;
import io.ternmq.protocol.Disconnect;
import io.ternmq.protocol.MqttPacket;
import io.ternmq.protocol.ProtocolVersion;
import io.ternmq.protocol.Puback;
import io.ternmq.protocol.Publish;
import io.ternmq.protocol.Pubrec;
import io.ternmq.protocol.Qos;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import static io.ternmq.core.TestClient.publish;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A publisher's session follows its connection to the session thread whose IO loop reads it since balancing moved
 * it ({@link SessionMove}): only a session that receives nothing moves, nothing it publishes is lost or reordered,
 * and whatever looks its client id up afterwards finds it on its new thread.
 */
class SessionMoveTest {

    /** Every new client id on thread 0, so that each test decides what moves to thread 1; but "second-*" on 1. */
    private static final SessionPlacement ALL_ON_FIRST =
            (clientId, owned, threads) -> clientId.startsWith("second-") ? 1 : 0;

    private final TestBroker broker = new TestBroker(new CoreConfig(2, 4, 8), ALL_ON_FIRST);
    private final SessionThread first = broker.core.threads().get(0);
    private final SessionThread second = broker.core.threads().get(1);

    @AfterEach
    void close() {
        broker.close();
    }

    private static void movedTo(TestClient client, SessionThread thread) {
        ((ConnectionHandler) client.connection()).onMovedTo(thread);
    }

    private SessionOwners owners() {
        return broker.core.threads().owners();
    }

    private static List<String> payloads(List<MqttPacket> packets) {
        return packets.stream().filter(Publish.class::isInstance)
                .map(packet -> TestClient.text((Publish) packet)).toList();
    }

    @Test
    void movedTo_publisherWithoutSubscriptions_sessionMovesAndItsMessagesArriveInPublishedOrder() {
        // [MQTT-4.6.0-5] [MQTT-4.6.0-6] same-topic messages of one publisher reach a subscriber in publish order
        TestClient subscriber = broker.connected("subscriber", SessionMode.CLEAN);
        subscriber.subscribe(1, "sensors/#", Qos.AT_MOST_ONCE);
        TestClient publisher = broker.connected("publisher", SessionMode.CLEAN);
        publisher.send(publish("sensors/1", Qos.AT_MOST_ONCE, 0, "before"));

        movedTo(publisher, second);
        broker.drain();
        publisher.send(publish("sensors/1", Qos.AT_MOST_ONCE, 0, "after"));

        assertThat(owners().ownerOf("publisher")).isSameAs(second);
        assertThat(owners().ownerOf("subscriber")).as("it has subscriptions").isSameAs(first);
        assertThat(owners().owned(0)).isEqualTo(1);
        assertThat(owners().owned(1)).isEqualTo(1);
        assertThat(broker.core.stats().sessionMoves()).isEqualTo(1);
        assertThat(payloads(subscriber.take())).containsExactly("before", "after");
        assertThat(broker.sessionInfo("publisher")).as("found on its new thread").isPresent();
    }

    /** A takeover CONNECT read on the new thread's own loop runs there at once, before the arrival's own task. */
    @Test
    void movedTo_lookupOnTheNewThreadBeforeTheArrivalTaskRuns_findsTheSession() {
        TestClient publisher = broker.connected("publisher", SessionMode.CLEAN);
        List<Session> found = new ArrayList<>();

        movedTo(publisher, second); // the ask waits on thread 0
        second.execute(() -> found.add(second.sessions().get("publisher"))); // waits on thread 1, ahead of the arrival
        broker.executors.get(0).runAll();
        broker.executors.get(1).runAll();

        assertThat(owners().ownerOf("publisher")).isSameAs(second);
        assertThat(found).hasSize(1).doesNotContainNull();
    }

    @Test
    void movedTo_packetsReadWhileTheMoveIsAsked_handledAfterItInReadOrder() {
        // [MQTT-4.6.0-5] a QoS 1 stream read across the move, and its PUBACKs, keep their order
        TestClient subscriber = broker.connected("subscriber", SessionMode.CLEAN);
        subscriber.subscribe(1, "sensors/#", Qos.AT_MOST_ONCE); // no window to wait for: all 20 go out
        TestClient publisher = broker.connected("publisher", SessionMode.CLEAN);

        movedTo(publisher, second);
        for (int id = 1; id <= 20; id++) {
            publisher.connection().onPacket(publish("sensors/1", Qos.AT_LEAST_ONCE, id, "m" + id));
        }
        broker.drain();

        assertThat(owners().ownerOf("publisher")).isSameAs(second);
        assertThat(payloads(subscriber.take()))
                .containsExactlyElementsOf(IntStream.rangeClosed(1, 20).mapToObj(id -> "m" + id).toList());
        assertThat(publisher.take()).containsExactlyElementsOf(
                IntStream.rangeClosed(1, 20).mapToObj(id -> (MqttPacket) new Puback(id)).toList());
    }

    @Test
    void movedTo_sessionWithASubscription_staysAndKeepsWorking() {
        TestClient client = broker.connected("both", SessionMode.CLEAN);
        client.subscribe(1, "echo", Qos.AT_MOST_ONCE);

        movedTo(client, second);
        broker.drain();
        client.send(publish("echo", Qos.AT_MOST_ONCE, 0, "self"));

        assertThat(owners().ownerOf("both")).isSameAs(first);
        assertThat(broker.core.stats().sessionMoves()).isZero();
        assertThat(payloads(client.take())).containsExactly("self");
    }

    @Test
    void movedTo_qos2PacketIdNotYetReleased_stays() {
        TestClient publisher = broker.connected("publisher", SessionMode.CLEAN);
        publisher.send(publish("t", Qos.EXACTLY_ONCE, 7, "once"));
        assertThat(publisher.take()).containsExactly(new Pubrec(7));

        movedTo(publisher, second);
        broker.drain();

        assertThat(owners().ownerOf("publisher")).isSameAs(first);
    }

    @Test
    void movedTo_thenTakenOverByANewConnection_persistentSessionFoundOnItsNewThread() {
        // [MQTT-3.1.4-2] the new connection takes the session over; [MQTT-3.2.2-2] Session Present 1
        TestClient publisher = broker.connected("publisher", SessionMode.PERSISTENT);
        movedTo(publisher, second);
        broker.drain();

        TestClient again = broker.client("10.0.0.9:1");
        again.send(TestBroker.connect("publisher", SessionMode.PERSISTENT, 0, null));

        assertThat(again.take()).containsExactly(new Connack(true, ConnectReturnCode.ACCEPTED));
        assertThat(publisher.channel().isClosed()).as("the old connection was taken over").isTrue();
        assertThat(owners().ownerOf("publisher")).isSameAs(second);
    }

    @Test
    void movedTo_closedWhileTheMoveIsAsked_closeHandledOnceAndClientIdForgotten() {
        TestClient publisher = broker.connected("publisher", SessionMode.CLEAN);

        movedTo(publisher, second);
        publisher.connection().onPacket(new Disconnect());
        publisher.networkClosed();

        assertThat(publisher.channel().isClosed()).isTrue();
        assertThat(owners().ownerOf("publisher")).isNull();
        assertThat(owners().size()).isZero();
        assertThat(broker.core.stats().sessions()).isZero();
    }

    @Test
    void movedTo_anotherConnectionOfTheClientIdStarting_stays() {
        TestClient publisher = broker.connected("publisher", SessionMode.PERSISTENT);
        owners().claim("publisher"); // as a second CONNECT of the client id does before its session is attached

        movedTo(publisher, second);
        broker.drain();

        assertThat(owners().ownerOf("publisher")).isSameAs(first);
        owners().release("publisher");
    }

    @Test
    void movedTo_theThreadItIsOnAlready_nothingAsked() {
        TestClient publisher = broker.connected("publisher", SessionMode.CLEAN);

        movedTo(publisher, first);
        publisher.send(publish("t", Qos.AT_MOST_ONCE, 0, "x"));

        assertThat(owners().ownerOf("publisher")).isSameAs(first);
        assertThat(broker.core.stats().sessionMoves()).isZero();
    }

    @Test
    void movedTo_beforeConnect_ignored() {
        TestClient early = broker.client("10.0.0.8:1");

        movedTo(early, second);
        early.send(new Connect(ProtocolVersion.MQTT_3_1_1, "late", true, 0, null, null, null));

        assertThat(early.take()).containsExactly(new Connack(false, ConnectReturnCode.ACCEPTED));
        assertThat(owners().ownerOf("late")).isSameAs(first);
    }

    @Test
    void movedTo_askedAsTheBrokerStops_staysAndIsEnded() {
        TestClient publisher = broker.connected("publisher", SessionMode.CLEAN);

        movedTo(publisher, second);
        var stopped = broker.core.disconnectAll().toCompletableFuture();
        broker.drain();

        assertThat(stopped).isCompleted();
        assertThat(broker.core.stats().sessionMoves()).isZero();
        assertThat(publisher.channel().isClosed()).isTrue();
    }

    /**
     * A session can reach a thread after the stopping broker's first visit there: one whose move started just before
     * moves stopped, or whose CONNECT was read just then. The second visit ends it.
     */
    @Test
    void disconnectAll_sessionOnAThreadAfterItsFirstVisit_endedInTheSecond() {
        TestClient early = broker.connected("early", SessionMode.CLEAN);
        var stopped = broker.core.disconnectAll().toCompletableFuture();
        broker.executors.get(1).runAll(); // the first visit of thread 1 finds nobody there

        TestClient late = broker.client("10.0.0.7:1");
        late.connection().onPacket(TestBroker.connect("second-late", SessionMode.CLEAN, 0, null));
        broker.executors.get(1).runAll();
        assertThat(late.channel().isClosed()).as("connected after the first visit").isFalse();
        broker.drain();

        assertThat(stopped).isCompleted();
        assertThat(early.channel().isClosed()).isTrue();
        assertThat(late.channel().isClosed()).isTrue();
    }
}
