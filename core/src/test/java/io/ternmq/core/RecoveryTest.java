package io.ternmq.core;

import io.ternmq.core.TestBroker.SessionMode;
import io.ternmq.core.auth.Authenticator;
import io.ternmq.core.auth.Authorizer;
import io.ternmq.protocol.Puback;
import io.ternmq.protocol.Publish;
import io.ternmq.protocol.Qos;
import io.ternmq.store.InflightEntry;
import io.ternmq.store.InflightStage;
import io.ternmq.store.QueuedMessage;
import io.ternmq.store.StoredMessage;
import io.ternmq.store.StoredSession;
import io.ternmq.store.memory.InMemoryStorage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** Startup recovery from rows as a crash may leave them. */
class RecoveryTest {

    private final InMemoryStorage storage = new InMemoryStorage();
    private TestBroker broker;

    @AfterEach
    void close() {
        broker.close();
    }

    private void start() {
        broker = new TestBroker(new CoreConfig(2, 8, 100), Authenticator.ALLOW_ALL, Authorizer.ALLOW_ALL,
                new CoreStores(storage));
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private List<Long> messageIds() {
        List<Long> ids = new ArrayList<>();
        storage.messages().forEach(m -> ids.add(m.id()));
        return ids;
    }

    @Test
    void recover_orphanMessageAndRowsWithoutSession_removed() {
        storage.messages().put(new StoredMessage(1, "t", Qos.AT_LEAST_ONCE, utf8("orphan")));
        storage.messages().put(new StoredMessage(2, "t", Qos.AT_LEAST_ONCE, utf8("no session")));
        storage.queues().add(new QueuedMessage("gone", 1, 2, Qos.AT_LEAST_ONCE, false));

        start();

        assertThat(messageIds()).isEmpty();
        List<QueuedMessage> queued = new ArrayList<>();
        storage.queues().forEach(queued::add);
        assertThat(queued).isEmpty();
    }

    @Test
    void recover_messageSharedByTwoSessions_rowKeptUntilBothAcknowledge() {
        storage.messages().put(new StoredMessage(5, "t", Qos.AT_LEAST_ONCE, utf8("shared")));
        for (String clientId : List.of("a", "b")) {
            storage.sessions().save(new StoredSession(clientId, Map.of("t", Qos.AT_LEAST_ONCE)));
            storage.queues().add(new QueuedMessage(clientId, 1, 5, Qos.AT_LEAST_ONCE, false));
        }
        start();

        TestClient a = broker.client("a-peer");
        a.send(TestBroker.connect("a", SessionMode.PERSISTENT, 0, null));
        a.send(new Puback(a.channel().publishes().getFirst().packetId()));
        assertThat(messageIds()).containsExactly(5L);

        TestClient b = broker.client("b-peer");
        b.send(TestBroker.connect("b", SessionMode.PERSISTENT, 0, null));
        b.send(new Puback(b.channel().publishes().getFirst().packetId()));
        assertThat(messageIds()).isEmpty();
    }

    @Test
    void recover_pubrelStage_resendsPubrelNotPublish() {
        storage.sessions().save(new StoredSession("c", Map.of()));
        storage.inflight().put(new InflightEntry("c", 3, 44, 9, Qos.EXACTLY_ONCE, false, InflightStage.PUBREL_SENT));
        start();

        TestClient c = broker.client("peer");
        c.send(TestBroker.connect("c", SessionMode.PERSISTENT, 0, null));

        // [MQTT-4.4.0-1] an unacknowledged PUBREL is resent after the restart
        assertThat(c.channel().sent()).contains(new io.ternmq.protocol.Pubrel(44));
        assertThat(c.channel().publishes()).isEmpty();
    }

    @Test
    void recover_newMessagesAfterRestart_idsPastStoredOnes() {
        storage.messages().put(new StoredMessage(900, "t", Qos.AT_LEAST_ONCE, utf8("old")));
        storage.sessions().save(new StoredSession("s", Map.of("t", Qos.AT_LEAST_ONCE)));
        storage.queues().add(new QueuedMessage("s", 1, 900, Qos.AT_LEAST_ONCE, false));
        start();

        TestClient publisher = broker.connected("p", SessionMode.CLEAN);
        publisher.send(new Publish("t", Qos.AT_LEAST_ONCE, false, false, 1, utf8("new")));

        assertThat(messageIds()).containsExactly(900L, 901L);
        List<QueuedMessage> queued = new ArrayList<>();
        storage.queues().forEach(queued::add);
        assertThat(queued).extracting(QueuedMessage::sequence).containsExactly(1L, 2L);
    }

    @Test
    void recover_queueLongerThanAPage_everyMessageDeliveredInOrderThenRowsGone() {
        storage.sessions().save(new StoredSession("s", Map.of("t", Qos.AT_LEAST_ONCE)));
        for (int i = 1; i <= 300; i++) {
            storage.messages().put(new StoredMessage(i, "t", Qos.AT_LEAST_ONCE, utf8("m" + i)));
            storage.queues().add(new QueuedMessage("s", i, i, Qos.AT_LEAST_ONCE, false));
        }
        start();
        assertThat(broker.sessionInfo("s").orElseThrow().queuedMessages()).isEqualTo(300);

        TestClient s = broker.client("s-peer");
        s.send(TestBroker.connect("s", SessionMode.PERSISTENT, 0, null));
        for (int acked = 0; acked < 300; acked++) {
            s.send(new Puback(s.channel().publishes().get(acked).packetId()));
        }

        assertThat(s.channel().publishes()).extracting(TestClient::text)
                .containsExactlyElementsOf(IntStream.rangeClosed(1, 300).mapToObj(i -> "m" + i).toList());
        assertThat(messageIds()).isEmpty();
        List<QueuedMessage> queued = new ArrayList<>();
        storage.queues().forEach(queued::add);
        assertThat(queued).isEmpty();
    }
}
