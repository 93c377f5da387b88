package io.ternmq.core;

import io.ternmq.core.TestBroker.SessionMode;
import io.ternmq.core.auth.Authenticator;
import io.ternmq.core.auth.Authorizer;
import io.ternmq.protocol.Disconnect;
import io.ternmq.protocol.Puback;
import io.ternmq.protocol.Pubcomp;
import io.ternmq.protocol.Publish;
import io.ternmq.protocol.Pubrec;
import io.ternmq.protocol.Pubrel;
import io.ternmq.protocol.Qos;
import io.ternmq.store.InboundPacketId;
import io.ternmq.store.InflightEntry;
import io.ternmq.store.InflightStage;
import io.ternmq.store.QueuedMessage;
import io.ternmq.store.StoredMessage;
import io.ternmq.store.memory.InMemoryStorage;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static io.ternmq.core.TestClient.publish;
import static org.assertj.core.api.Assertions.assertThat;

/** A persistent session's changes reach the storage (the in-memory twin here) as they happen. */
class WriteThroughTest {

    private final InMemoryStorage storage = new InMemoryStorage();
    private final TestBroker broker = new TestBroker(new CoreConfig(3, 2, 100), Authenticator.ALLOW_ALL,
            Authorizer.ALLOW_ALL, new CoreStores(storage));
    private final TestClient publisher = broker.connected("pub", SessionMode.CLEAN);

    private List<QueuedMessage> queued() {
        List<QueuedMessage> rows = new ArrayList<>();
        storage.queues().forEach(rows::add);
        return rows;
    }

    private List<InflightEntry> inflight() {
        List<InflightEntry> rows = new ArrayList<>();
        storage.inflight().forEach(rows::add);
        return rows;
    }

    private List<StoredMessage> messages() {
        List<StoredMessage> rows = new ArrayList<>();
        storage.messages().forEach(rows::add);
        return rows;
    }

    private TestClient offlineSubscriber(String clientId, Qos qos) {
        TestClient client = broker.connected(clientId, SessionMode.PERSISTENT);
        client.subscribe(1, "t", qos);
        client.send(Disconnect.INSTANCE);
        return client;
    }

    @Test
    void offlinePersistentSubscribers_qos1Publish_oneMessageRowManyQueueRows() {
        offlineSubscriber("s1", Qos.AT_LEAST_ONCE);
        offlineSubscriber("s2", Qos.EXACTLY_ONCE);

        publisher.send(publish("t", Qos.AT_LEAST_ONCE, 1, "m"));

        assertThat(messages()).hasSize(1); // the payload once, shared
        long id = messages().getFirst().id();
        assertThat(queued()).extracting(QueuedMessage::clientId, QueuedMessage::messageId)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("s1", id),
                        org.assertj.core.groups.Tuple.tuple("s2", id));
    }

    @Test
    void cleanSubscriber_qos1Publish_storesNothing() {
        TestClient clean = broker.connected("c", SessionMode.CLEAN);
        clean.subscribe(1, "t", Qos.AT_LEAST_ONCE);

        publisher.send(publish("t", Qos.AT_LEAST_ONCE, 1, "m"));

        assertThat(messages()).isEmpty();
        assertThat(inflight()).isEmpty();
    }

    @Test
    void reconnectAndPuback_queuedMessage_movesToFlightThenRowsAreGone() {
        offlineSubscriber("s1", Qos.AT_LEAST_ONCE);
        publisher.send(publish("t", Qos.AT_LEAST_ONCE, 1, "m"));

        TestClient back = broker.client("again");
        back.send(TestBroker.connect("s1", SessionMode.PERSISTENT, 0, null));
        Publish sent = back.channel().publishes().getFirst();

        assertThat(queued()).isEmpty();
        assertThat(inflight()).singleElement().satisfies(e -> {
            assertThat(e.packetId()).isEqualTo(sent.packetId());
            assertThat(e.stage()).isEqualTo(InflightStage.PUBLISH_SENT);
        });

        back.send(new Puback(sent.packetId()));

        assertThat(inflight()).isEmpty();
        assertThat(messages()).isEmpty(); // the last holder released the row
    }

    @Test
    void qos2Outbound_pubrecThenPubcomp_stageStoredThenRemoved() {
        TestClient online = broker.connected("s1", SessionMode.PERSISTENT);
        online.subscribe(1, "t", Qos.EXACTLY_ONCE);
        publisher.send(publish("t", Qos.EXACTLY_ONCE, 1, "m"));
        Publish sent = online.channel().publishes().getFirst();

        online.send(new Pubrec(sent.packetId()));

        assertThat(inflight()).singleElement().extracting(InflightEntry::stage).isEqualTo(InflightStage.PUBREL_SENT);
        assertThat(messages()).isEmpty(); // past PUBREC the payload is not needed any more

        online.send(new Pubcomp(sent.packetId()));

        assertThat(inflight()).isEmpty();
    }

    @Test
    void inboundQos2_persistentPublisher_idStoredUntilPubrel() {
        TestClient persistentPublisher = broker.connected("pp", SessionMode.PERSISTENT);

        persistentPublisher.send(publish("x", Qos.EXACTLY_ONCE, 7, "m"));
        List<InboundPacketId> ids = new ArrayList<>();
        storage.inboundPacketIds().forEach(ids::add);
        assertThat(ids).containsExactly(new InboundPacketId("pp", 7));

        persistentPublisher.send(new Pubrel(7));
        ids.clear();
        storage.inboundPacketIds().forEach(ids::add);
        assertThat(ids).isEmpty();
    }

    @Test
    void cleanSessionReconnect_persistentSession_everyRowRemoved() {
        offlineSubscriber("s1", Qos.AT_LEAST_ONCE);
        publisher.send(publish("t", Qos.AT_LEAST_ONCE, 1, "m"));

        broker.connected("s1", SessionMode.CLEAN); // [MQTT-3.1.2-6] the old session is discarded

        assertThat(storage.sessions().find("s1")).isEmpty();
        assertThat(queued()).isEmpty();
        assertThat(messages()).isEmpty();
    }

    @Test
    void restart_storedQueueAndFlight_redeliveredWithDupThenQueued() {
        offlineSubscriber("s1", Qos.AT_LEAST_ONCE);
        publisher.send(publish("t", Qos.AT_LEAST_ONCE, 1, "first"));
        publisher.send(publish("t", Qos.AT_LEAST_ONCE, 2, "second"));
        TestClient back = broker.client("again");
        back.send(TestBroker.connect("s1", SessionMode.PERSISTENT, 0, null));
        // window 2: both in flight now; the client vanishes without acknowledging
        back.networkClosed();
        publisher.send(publish("t", Qos.AT_LEAST_ONCE, 3, "third"));
        broker.close();

        var restarted = new TestBroker(new CoreConfig(3, 2, 100), Authenticator.ALLOW_ALL, Authorizer.ALLOW_ALL,
                new CoreStores(storage));
        TestClient after = restarted.client("after-restart");
        after.send(TestBroker.connect("s1", SessionMode.PERSISTENT, 0, null));

        // [MQTT-4.4.0-1] unacknowledged PUBLISHes again, DUP=1 [MQTT-3.3.1-1], original ids, then the queue
        assertThat(after.channel().publishes()).extracting(TestClient::text, Publish::dup)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("first", true),
                        org.assertj.core.groups.Tuple.tuple("second", true));
        after.send(new Puback(after.channel().publishes().getFirst().packetId()));
        assertThat(after.channel().publishes()).extracting(TestClient::text).last().isEqualTo("third");
        restarted.close();
    }
}
