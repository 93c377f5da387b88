package io.ternmq.core;

import io.ternmq.core.TestBroker.SessionMode;
import io.ternmq.core.auth.Authenticator;
import io.ternmq.core.auth.Authorizer;
import io.ternmq.core.auth.ClientIdentity;
import io.ternmq.protocol.MqttPacket;
import io.ternmq.protocol.Puback;
import io.ternmq.protocol.Publish;
import io.ternmq.protocol.Qos;
import io.ternmq.protocol.Suback;
import io.ternmq.protocol.Subscribe;
import io.ternmq.protocol.TopicSubscription;
import io.ternmq.protocol.Unsuback;
import io.ternmq.protocol.Unsubscribe;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.ternmq.core.TestClient.publish;
import static io.ternmq.core.TestClient.retained;
import static org.assertj.core.api.Assertions.assertThat;

class SubscribeTest {

    private final TestBroker broker = new TestBroker();
    private final TestClient publisher = broker.connected("pub", SessionMode.CLEAN);

    @Test
    void subscribe_severalFilters_oneSubackSameIdCodesInOrder() {
        TestClient client = broker.connected("c1", SessionMode.CLEAN);

        client.send(new Subscribe(77, List.of(new TopicSubscription("a", Qos.EXACTLY_ONCE),
                new TopicSubscription("b/#", Qos.AT_MOST_ONCE), new TopicSubscription("c/+", Qos.AT_LEAST_ONCE))));

        // [MQTT-3.8.4-1] [MQTT-3.8.4-2] same id; [MQTT-3.8.4-4] one SUBACK; [MQTT-3.8.4-5] [MQTT-3.9.3-1] in order
        assertThat(client.take()).containsExactly(new Suback(77, List.of(2, 0, 1)));
        assertThat(broker.sessionInfo("c1")).get().extracting(SessionInfo::topicFilters)
                .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST)
                .containsExactlyInAnyOrder("a", "b/#", "c/+");
    }

    @Test
    void subscribe_refusedByAuthorizer_failureCodeForThatFilterOnly() {
        Authorizer noSecrets = new Authorizer() {
            @Override
            public boolean mayPublish(ClientIdentity client, String topic) {
                return true;
            }

            @Override
            public boolean maySubscribe(ClientIdentity client, String topicFilter) {
                return !topicFilter.startsWith("secret");
            }
        };
        TestBroker strict = new TestBroker(new CoreConfig(2, 4, 8), Authenticator.ALLOW_ALL, noSecrets,
                CoreStores.inMemory());
        TestClient client = strict.connected("c1", SessionMode.CLEAN);

        client.send(new Subscribe(3, List.of(new TopicSubscription("open", Qos.AT_LEAST_ONCE),
                new TopicSubscription("secret/#", Qos.AT_LEAST_ONCE))));
        strict.connected("p", SessionMode.CLEAN).send(publish("secret/x", Qos.AT_MOST_ONCE, 0, "no"));

        // [MQTT-3.9.3-2] 0x80 is the failure code
        assertThat(client.take()).containsExactly(new Suback(3, List.of(1, Suback.FAILURE)));
    }

    @Test
    void resubscribe_identicalFilter_replacesQosAndResendsRetained() {
        publisher.send(retained("r", Qos.EXACTLY_ONCE, 1, "kept"));
        TestClient client = broker.connected("c1", SessionMode.CLEAN);
        client.subscribe(1, "r", Qos.EXACTLY_ONCE);
        assertThat(client.channel().publishes()).hasSize(1);
        client.take();

        client.subscribe(2, "r", Qos.AT_MOST_ONCE);

        // [MQTT-3.8.4-3] replaced (new QoS applies), retained message sent again
        assertThat(client.channel().publishes()).extracting(Publish::retain, Publish::qos)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(true, Qos.AT_MOST_ONCE));
        client.take();
        publisher.send(publish("r", Qos.EXACTLY_ONCE, 2, "live"));
        assertThat(client.channel().publishes()).extracting(Publish::qos).containsExactly(Qos.AT_MOST_ONCE);
        assertThat(broker.sessionInfo("c1")).get().extracting(SessionInfo::topicFilters)
                .isEqualTo(List.of("r"));
    }

    @Test
    void subscribe_wildcard_retainedOfEveryMatchingTopicAfterSuback() {
        publisher.send(retained("s/1", Qos.AT_MOST_ONCE, 0, "one"));
        publisher.send(retained("s/2", Qos.AT_MOST_ONCE, 0, "two"));
        publisher.send(retained("other", Qos.AT_MOST_ONCE, 0, "no"));
        TestClient client = broker.connected("c1", SessionMode.CLEAN);

        client.send(new Subscribe(4, List.of(new TopicSubscription("s/+", Qos.AT_MOST_ONCE))));

        // [MQTT-3.3.1-6] after the SUBACK, every matching topic's retained message, RETAIN=1 [MQTT-3.3.1-8]
        List<MqttPacket> sent = client.take();
        assertThat(sent.getFirst()).isInstanceOf(Suback.class);
        assertThat(sent.subList(1, sent.size())).map(Publish.class::cast)
                .allMatch(Publish::retain)
                .extracting(TestClient::text).containsExactlyInAnyOrder("one", "two");
    }

    @Test
    void unsubscribe_nothingMatched_unsubackWithSameId() {
        TestClient client = broker.connected("c1", SessionMode.CLEAN);

        client.send(new Unsubscribe(12, List.of("never/subscribed")));

        // [MQTT-3.10.4-4] [MQTT-3.10.4-5]
        assertThat(client.take()).containsExactly(new Unsuback(12));
    }

    @Test
    void unsubscribe_subscribedFilter_noFurtherMessages() {
        TestClient client = broker.connected("c1", SessionMode.CLEAN);
        client.subscribe(1, "a/+", Qos.AT_MOST_ONCE);
        client.subscribe(2, "a/b", Qos.AT_MOST_ONCE);

        client.send(new Unsubscribe(3, List.of("a/+", "a/#")));
        client.take();
        publisher.send(publish("a/c", Qos.AT_MOST_ONCE, 0, "gone"));
        publisher.send(publish("a/b", Qos.AT_MOST_ONCE, 0, "still"));

        // [MQTT-3.10.4-1] only the exact filter; [MQTT-3.10.4-2] nothing new for it; [MQTT-3.10.4-6] one UNSUBACK
        assertThat(client.channel().publishes()).extracting(TestClient::text).containsExactly("still");
    }

    @Test
    void unsubscribe_withMessagesInFlight_theyComplete() {
        TestBroker narrow = new TestBroker(new CoreConfig(2, 1, 10));
        TestClient client = narrow.connected("c1", SessionMode.CLEAN);
        client.subscribe(1, "t", Qos.AT_LEAST_ONCE);
        TestClient source = narrow.connected("pub", SessionMode.CLEAN);
        source.send(publish("t", Qos.AT_LEAST_ONCE, 1, "m1"));
        source.send(publish("t", Qos.AT_LEAST_ONCE, 2, "m2"));
        client.take();

        client.send(new Unsubscribe(5, List.of("t")));
        client.send(new Puback(1));

        // [MQTT-3.10.4-3] deliveries already begun (m2 was queued behind m1) are finished
        List<MqttPacket> sent = client.take();
        assertThat(sent).hasSize(2);
        assertThat(sent.get(0)).isEqualTo(new Unsuback(5));
        assertThat(sent.get(1)).isInstanceOfSatisfying(Publish.class,
                p -> assertThat(TestClient.text(p)).isEqualTo("m2"));
    }
}
