package io.ternmq.core;

import io.ternmq.core.TestBroker.SessionMode;
import io.ternmq.core.auth.Authenticator;
import io.ternmq.core.auth.Authorizer;
import io.ternmq.protocol.Connack;
import io.ternmq.protocol.Disconnect;
import io.ternmq.protocol.MqttPacket;
import io.ternmq.protocol.Puback;
import io.ternmq.protocol.Publish;
import io.ternmq.protocol.Pubrec;
import io.ternmq.protocol.Pubrel;
import io.ternmq.protocol.Qos;
import io.ternmq.store.StoredSession;
import io.ternmq.store.memory.InMemoryRetainedMessageStore;
import io.ternmq.store.memory.InMemorySessionStore;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.ternmq.core.TestClient.publish;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

class SessionTest {

    private final InMemorySessionStore sessionStore = new InMemorySessionStore();
    private final TestBroker broker = new TestBroker(new CoreConfig(3, 2, 3), Authenticator.ALLOW_ALL,
            Authorizer.ALLOW_ALL, new CoreStores(sessionStore, new InMemoryRetainedMessageStore()));
    private final TestClient publisher = broker.connected("pub", SessionMode.CLEAN);

    private TestClient reconnect(String clientId, SessionMode mode) {
        TestClient client = broker.client("peer-again");
        client.send(TestBroker.connect(clientId, mode, 0, null));
        return client;
    }

    @Test
    void persistentSession_reconnect_sessionPresentAndSubscriptionsKept() {
        TestClient first = broker.connected("c1", SessionMode.PERSISTENT);
        first.subscribe(1, "t", Qos.AT_LEAST_ONCE);
        first.send(Disconnect.INSTANCE);

        TestClient second = reconnect("c1", SessionMode.PERSISTENT);
        publisher.send(publish("t", Qos.AT_MOST_ONCE, 0, "m"));

        // [MQTT-3.1.2-4] resumed; [MQTT-3.2.2-2] Session Present 1
        assertThat(second.channel().sent().getFirst()).isEqualTo(new Connack(true, 0));
        assertThat(second.channel().publishes()).extracting(TestClient::text).containsExactly("m");
    }

    @Test
    void persistentSession_firstConnect_sessionPresentZero() {
        TestClient client = broker.client("peer");
        client.send(TestBroker.connect("fresh", SessionMode.PERSISTENT, 0, null));

        // [MQTT-3.2.2-3]
        assertThat(client.take()).containsExactly(new Connack(false, 0));
    }

    @Test
    void persistentSession_offline_queuesQos1And2DropsQos0_deliversOnReconnect() {
        TestClient first = broker.connected("c1", SessionMode.PERSISTENT);
        first.subscribe(1, "t", Qos.EXACTLY_ONCE);
        first.networkClosed();

        publisher.send(publish("t", Qos.AT_MOST_ONCE, 0, "q0"));
        publisher.send(publish("t", Qos.AT_LEAST_ONCE, 1, "q1"));
        publisher.send(publish("t", Qos.EXACTLY_ONCE, 2, "q2"));
        assertThat(broker.sessionInfo("c1")).get().extracting(SessionInfo::connected, SessionInfo::queuedMessages)
                .containsExactly(false, 2);

        TestClient second = reconnect("c1", SessionMode.PERSISTENT);

        // [MQTT-3.1.2-5] QoS 1/2 kept while away, QoS 0 not
        assertThat(second.channel().publishes()).extracting(TestClient::text, Publish::qos, Publish::dup)
                .containsExactly(tuple("q1", Qos.AT_LEAST_ONCE, false), tuple("q2", Qos.EXACTLY_ONCE, false));
    }

    @Test
    void persistentSession_queueFull_overflowDroppedAndCounted() {
        TestClient first = broker.connected("c1", SessionMode.PERSISTENT);
        first.subscribe(1, "t", Qos.AT_LEAST_ONCE);
        first.networkClosed();

        for (int i = 0; i < 5; i++) {
            publisher.send(publish("t", Qos.AT_LEAST_ONCE, i + 1, "m" + i));
        }

        assertThat(broker.core.stats().queueOverflowDrops()).isEqualTo(2);
        assertThat(broker.sessionInfo("c1")).get().extracting(SessionInfo::queuedMessages, SessionInfo::overflowDrops)
                .containsExactly(3, 2L);
        TestClient second = reconnect("c1", SessionMode.PERSISTENT);
        assertThat(second.channel().publishes()).extracting(TestClient::text).containsExactly("m0", "m1");
    }

    @Test
    void persistentSession_reconnect_redeliversUnackedWithDupThenPubrelThenQueueInOrder() {
        TestClient first = broker.connected("c1", SessionMode.PERSISTENT);
        first.subscribe(1, "t", Qos.EXACTLY_ONCE);
        publisher.send(publish("t", Qos.EXACTLY_ONCE, 1, "a"));
        publisher.send(publish("t", Qos.EXACTLY_ONCE, 2, "b"));
        publisher.send(publish("t", Qos.EXACTLY_ONCE, 3, "c"));
        first.send(new Pubrec(1)); // "a" now waits for PUBCOMP
        first.take();
        first.networkClosed();

        TestClient second = reconnect("c1", SessionMode.PERSISTENT);

        // [MQTT-4.4.0-1] original ids, PUBLISH again with DUP=1 [MQTT-3.3.1-1], PUBREL again; [MQTT-4.6.0-1] order
        List<MqttPacket> sent = second.take();
        assertThat(sent.get(0)).isEqualTo(new Connack(true, 0));
        assertThat(sent.get(1)).isEqualTo(new Pubrel(1));
        assertThat(sent.subList(2, sent.size())).map(Publish.class::cast)
                .extracting(TestClient::text, Publish::packetId, Publish::dup)
                .containsExactly(tuple("b", 2, true));
        second.send(new io.ternmq.protocol.Pubcomp(1));
        assertThat(second.channel().publishes()).extracting(TestClient::text, Publish::packetId, Publish::dup)
                .containsExactly(tuple("c", 3, false));
    }

    @Test
    void cleanSession_reconnect_previousStateDiscarded() {
        TestClient first = broker.connected("c1", SessionMode.PERSISTENT);
        first.subscribe(1, "t", Qos.AT_LEAST_ONCE);
        first.networkClosed();
        publisher.send(publish("t", Qos.AT_LEAST_ONCE, 1, "queued"));

        TestClient second = reconnect("c1", SessionMode.CLEAN);
        publisher.send(publish("t", Qos.AT_LEAST_ONCE, 2, "after"));

        // [MQTT-3.1.2-6] nothing of the old session; [MQTT-3.2.2-1] Session Present 0
        assertThat(second.take()).containsExactly(new Connack(false, 0));
        assertThat(sessionStore.find("c1")).isEmpty();
    }

    @Test
    void cleanSession_disconnect_sessionEnds() {
        TestClient first = broker.connected("c1", SessionMode.CLEAN);
        first.subscribe(1, "t", Qos.AT_LEAST_ONCE);
        first.send(Disconnect.INSTANCE);

        // [MQTT-3.1.2-6] lasts only as long as the connection
        assertThat(first.channel().isClosed()).isTrue();
        assertThat(broker.sessionInfo("c1")).isEmpty();
        TestClient second = reconnect("c1", SessionMode.PERSISTENT);
        assertThat(second.take()).containsExactly(new Connack(false, 0));
    }

    @Test
    void persistentSession_subscriptions_writtenThroughToStore() {
        TestClient client = broker.connected("c1", SessionMode.PERSISTENT);
        client.subscribe(1, "a/+", Qos.EXACTLY_ONCE);
        client.subscribe(2, "b", Qos.AT_MOST_ONCE);
        client.send(new io.ternmq.protocol.Unsubscribe(3, List.of("b")));

        assertThat(sessionStore.find("c1")).map(StoredSession::subscriptions)
                .contains(Map.of("a/+", Qos.EXACTLY_ONCE));
        assertThat(sessionStore.find("pub")).isEmpty();
    }

    @Test
    void storedSession_newBroker_restoredOfflineAndQueuing() {
        sessionStore.save(new StoredSession("c9", Map.of("x/#", Qos.AT_LEAST_ONCE)));
        TestBroker restarted = new TestBroker(new CoreConfig(2, 4, 8), Authenticator.ALLOW_ALL,
                Authorizer.ALLOW_ALL, new CoreStores(sessionStore, new InMemoryRetainedMessageStore()));
        restarted.connected("p", SessionMode.CLEAN).send(publish("x/y", Qos.AT_LEAST_ONCE, 1, "while away"));

        TestClient client = restarted.client("peer");
        client.send(TestBroker.connect("c9", SessionMode.PERSISTENT, 0, null));

        // [MQTT-3.1.2-4] [MQTT-3.2.2-2] [MQTT-3.1.2-5]
        assertThat(client.channel().sent().getFirst()).isEqualTo(new Connack(true, 0));
        assertThat(client.channel().publishes()).extracting(TestClient::text).containsExactly("while away");
    }

    @Test
    void takeover_sameClientId_oldConnectionClosedSessionContinues() {
        TestClient first = broker.connected("c1", SessionMode.PERSISTENT);
        first.subscribe(1, "t", Qos.AT_LEAST_ONCE);
        publisher.send(publish("t", Qos.AT_LEAST_ONCE, 1, "unacked"));
        first.take();

        TestClient second = reconnect("c1", SessionMode.PERSISTENT);

        // [MQTT-3.1.4-2] the existing client is disconnected; its session goes on with the new connection
        assertThat(first.channel().isClosed()).isTrue();
        List<MqttPacket> sent = second.take();
        assertThat(sent.getFirst()).isEqualTo(new Connack(true, 0));
        assertThat(sent.subList(1, sent.size())).map(Publish.class::cast)
                .extracting(TestClient::text, Publish::dup).containsExactly(tuple("unacked", true));
        assertThat(broker.core.stats().connectedClients()).isEqualTo(2);

        // the old connection's late events change nothing
        first.send(new Puback(1));
        first.networkClosed();
        assertThat(broker.sessionInfo("c1")).get().extracting(SessionInfo::connected, SessionInfo::inflightMessages)
                .containsExactly(true, 1);
        second.send(new Puback(1));
        assertThat(broker.sessionInfo("c1")).get().extracting(SessionInfo::inflightMessages).isEqualTo(0);
    }

    @Test
    void takeover_cleanSessionNew_oldPersistentStateGone() {
        TestClient first = broker.connected("c1", SessionMode.PERSISTENT);
        first.subscribe(1, "t", Qos.AT_LEAST_ONCE);

        TestClient second = reconnect("c1", SessionMode.CLEAN);
        publisher.send(publish("t", Qos.AT_LEAST_ONCE, 1, "m"));

        assertThat(first.channel().isClosed()).isTrue();
        assertThat(second.take()).containsExactly(new Connack(false, 0));
        assertThat(broker.sessionInfo("c1")).get().extracting(SessionInfo::persistent, SessionInfo::topicFilters)
                .containsExactly(false, List.of());
    }

    @Test
    void persistentPublisher_qos2ResentAfterReconnect_notRoutedTwice() {
        TestClient subscriber = broker.connected("sub", SessionMode.CLEAN);
        subscriber.subscribe(1, "t", Qos.EXACTLY_ONCE);
        TestClient first = broker.connected("p2", SessionMode.PERSISTENT);
        first.send(publish("t", Qos.EXACTLY_ONCE, 9, "exactly"));
        assertThat(first.take()).containsExactly(new Pubrec(9));
        first.networkClosed();

        TestClient second = reconnect("p2", SessionMode.PERSISTENT);
        second.take();
        second.send(new Publish("t", Qos.EXACTLY_ONCE, false, true, 9, "exactly".getBytes()));
        second.send(new Pubrel(9));

        // [MQTT-4.4.0-1] the client resends; [MQTT-4.3.3-2] the unreleased id is session state: no second delivery
        assertThat(second.take()).containsExactly(new Pubrec(9), new io.ternmq.protocol.Pubcomp(9));
        assertThat(subscriber.channel().publishes()).extracting(TestClient::text).containsExactly("exactly");
    }
}
