package io.ternmq.core;

import io.ternmq.core.TestBroker.SessionMode;
import io.ternmq.core.auth.Authenticator;
import io.ternmq.core.auth.Authorizer;
import io.ternmq.protocol.Connect;
import io.ternmq.protocol.ConnectProperties;
import io.ternmq.protocol.ProtocolVersion;
import io.ternmq.protocol.Publish;
import io.ternmq.protocol.Qos;
import io.ternmq.protocol.RetainHandling;
import io.ternmq.protocol.Subscribe;
import io.ternmq.protocol.SubscribeProperties;
import io.ternmq.protocol.TopicSubscription;
import io.ternmq.store.StoredSession;
import io.ternmq.store.memory.InMemoryStorage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** A stored session's subscriptions come back after a restart: shared ones into their group, options kept. */
class SubscriptionRecoveryTest {

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

    @Test
    void restart_optionsAndIdentifierStored_stillApply() {
        start();
        TestClient client = broker.client("c-peer");
        client.send(Mqtt5Clients.connect("c", 3600, null));
        client.take();
        client.send(new Subscribe(1, List.of(new TopicSubscription("t", Qos.AT_LEAST_ONCE, true, true,
                RetainHandling.SEND_ON_SUBSCRIBE)), new SubscribeProperties(9, List.of())));
        client.take();
        broker.close();

        start();
        TestClient back = broker.client("c-peer-2");
        back.send(new Connect(ProtocolVersion.MQTT_5, "c", false, 0, null, null, null,
                new ConnectProperties(3600L, null, null, null, null, null, null, null, List.of())));
        back.take();
        back.send(TestClient.publish("t", Qos.AT_LEAST_ONCE, 1, "own")); // [MQTT-3.8.3-3] No Local kept
        TestClient other = broker.connected("other", SessionMode.CLEAN);
        other.send(TestClient.retained("t", Qos.AT_LEAST_ONCE, 1, "theirs"));

        List<Publish> received = back.channel().publishes();
        assertThat(received).extracting(TestClient::text).containsExactly("theirs");
        assertThat(received.getFirst().retain()).isTrue(); // [MQTT-3.3.1-13] Retain As Published kept
        assertThat(received.getFirst().properties().subscriptionIdentifiers()).containsExactly(9);
    }

    @Test
    void restart_storedSharedSubscription_memberAgainAndGetsMessagesWhenBack() {
        storage.sessions().save(new StoredSession("member", Map.of("$share/g/t", Qos.AT_LEAST_ONCE)));
        start();
        TestClient publisher = broker.connected("pub", SessionMode.CLEAN);

        // the only member is offline: the message waits in its queue
        publisher.send(TestClient.publish("t", Qos.AT_LEAST_ONCE, 1, "kept"));
        TestClient member = broker.client("member-peer");
        member.send(TestBroker.connect("member", SessionMode.PERSISTENT, 0, null));

        assertThat(member.channel().publishes()).extracting(Publish::topic, TestClient::text)
                .containsExactly(tuple("t", "kept"));
        assertThat(broker.sessionInfo("member").orElseThrow().topicFilters()).containsExactly("$share/g/t");
    }
}
