package io.ternmq.core;

import io.ternmq.protocol.Connack;
import io.ternmq.protocol.ConnackProperties;
import io.ternmq.protocol.Connect;
import io.ternmq.protocol.ProtocolVersion;
import io.ternmq.protocol.Qos;
import io.ternmq.protocol.Suback;
import io.ternmq.protocol.Subscribe;
import io.ternmq.protocol.TopicSubscription;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The subscription feature switches: CONNACK availability properties and the SUBACK codes of refused filters. */
class SubscriptionFeaturesTest {

    private static TestBroker broker(SubscriptionFeatures features) {
        var settings = new Mqtt5Settings(Mqtt5Settings.PROTOCOL_MAXIMUM_PACKET_SIZE, 65_535, 0,
                OutboundAliasPolicy.LRU, Mqtt5ConnectPolicy.DEFAULTS, features);
        return new TestBroker(new CoreConfig(1, 4, 8, TopicLimits.PROTOCOL, settings));
    }

    @Test
    void connack_featuresOff_announcedUnavailable() {
        TestClient client = broker(new SubscriptionFeatures(false, false, false)).client("peer");
        client.send(Mqtt5Clients.connect("c1", 0, null));

        ConnackProperties properties = ((Connack) client.take().getFirst()).properties();

        assertThat(properties.sharedSubscriptionAvailable()).isFalse();
        assertThat(properties.subscriptionIdentifiersAvailable()).isFalse();
        assertThat(properties.wildcardSubscriptionAvailable()).isFalse();
    }

    @Test
    void connack_featuresOn_leftOutMeaningAvailable() {
        TestClient client = broker(SubscriptionFeatures.ALL).client("peer");
        client.send(Mqtt5Clients.connect("c1", 0, null));

        ConnackProperties properties = ((Connack) client.take().getFirst()).properties();

        assertThat(properties.sharedSubscriptionAvailable()).isNull();
        assertThat(properties.subscriptionIdentifiersAvailable()).isNull();
        assertThat(properties.wildcardSubscriptionAvailable()).isNull();
    }

    @Test
    void subscribe_sharedAndWildcardsOff_suback9EAndA2() {
        TestClient client = Mqtt5Clients.connected(broker(new SubscriptionFeatures(false, true, false)), "c1");

        client.send(new Subscribe(4, List.of(new TopicSubscription("$share/g/a", Qos.AT_LEAST_ONCE),
                new TopicSubscription("a/+", Qos.AT_LEAST_ONCE), new TopicSubscription("a/#", Qos.AT_LEAST_ONCE),
                new TopicSubscription("a/b", Qos.AT_LEAST_ONCE))));

        assertThat(client.take()).containsExactly(new Suback(4, List.of(0x9E, 0xA2, 0xA2, 0x01)));
    }

    @Test
    void subscribe_v311ClientWithFeaturesOff_failure80() {
        TestClient client = broker(new SubscriptionFeatures(false, true, false)).client("peer");
        client.send(new Connect(ProtocolVersion.MQTT_3_1_1, "old", true, 0, null, null, null));
        client.take();

        client.send(new Subscribe(5, List.of(new TopicSubscription("$share/g/a", Qos.AT_MOST_ONCE),
                new TopicSubscription("+", Qos.AT_MOST_ONCE))));

        assertThat(client.take()).containsExactly(new Suback(5, List.of(0x80, 0x80)));
    }

    @Test
    void subscribe_invalidShareNames_suback8F() {
        // [MQTT-4.8.2-1] [MQTT-4.8.2-2]
        TestClient client = Mqtt5Clients.connected(broker(SubscriptionFeatures.ALL), "c1");

        client.send(new Subscribe(6, List.of(new TopicSubscription("$share//a", Qos.AT_MOST_ONCE),
                new TopicSubscription("$share/g", Qos.AT_MOST_ONCE),
                new TopicSubscription("$share/+/a", Qos.AT_MOST_ONCE),
                new TopicSubscription("$share/g/a", Qos.AT_MOST_ONCE))));

        assertThat(client.take()).containsExactly(new Suback(6, List.of(0x8F, 0x8F, 0x8F, 0x00)));
    }
}
