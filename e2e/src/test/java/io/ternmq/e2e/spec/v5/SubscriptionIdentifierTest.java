package io.ternmq.e2e.spec.v5;

import io.ternmq.e2e.BrokerExtension;
import io.ternmq.testkit.RawMqttClient;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Subscription identifiers (3.8.2.1.2, 3.3.2.3.8, 3.3.4) with Eclipse Paho v5 and raw bytes. */
class SubscriptionIdentifierTest {

    @RegisterExtension
    static final BrokerExtension broker = BrokerExtension.withDefaults();

    @Test
    void paho_singleSubscriptionWithIdentifier_deliveredWithIt() throws Exception {
        // [MQTT-3.3.4-3] the identifier of the matching subscription is in the PUBLISH
        PahoV5 client = PahoV5.connected(broker, "sid-single");
        client.subscribe("sid1/t", 42);

        client.publish("sid1/t", "hello");

        MqttMessage message = client.next();
        assertThat(PahoV5.text(message)).isEqualTo("hello");
        assertThat(message.getProperties().getSubscriptionIdentifiers()).containsExactly(42);
    }

    @Test
    void paho_overlappingSubscriptions_oneCopyWithEveryIdentifier() throws Exception {
        // [MQTT-3.3.4-3] [MQTT-3.3.4-4] one PUBLISH for overlapping subscriptions, listing both identifiers
        PahoV5 client = PahoV5.connected(broker, "sid-overlap");
        client.subscribe("sid2/#", 1);
        client.subscribe("sid2/+", 2);
        client.subscribe("sid2/marker", 0);

        client.publish("sid2/t", "both");
        client.publish("sid2/marker", "marker");

        MqttMessage message = client.next();
        assertThat(PahoV5.text(message)).isEqualTo("both");
        assertThat(message.getProperties().getSubscriptionIdentifiers()).containsExactlyInAnyOrder(1, 2);
        MqttMessage marker = client.next();
        assertThat(PahoV5.text(marker)).isEqualTo("marker"); // no second copy of "both" came before it
        assertThat(marker.getProperties().getSubscriptionIdentifiers()).containsExactlyInAnyOrder(1, 2);
    }

    @Test
    void paho_resubscribeWithNewIdentifier_replacesIt() throws Exception {
        // [MQTT-3.8.4-3] the new subscription replaces the old one, identifier included
        PahoV5 client = PahoV5.connected(broker, "sid-replace");
        client.subscribe("sid3/t", 5);
        client.subscribe("sid3/t", 6);

        client.publish("sid3/t", "x");

        assertThat(client.next().getProperties().getSubscriptionIdentifiers()).containsExactly(6);
    }

    @Test
    void raw_noIdentifier_publishWithoutSubscriptionIdentifierProperty() {
        // [MQTT-3.3.4-3] only subscriptions that have one add an identifier
        RawMqttClient client = V5Wire.connected(broker.raw(), "sid-none");
        client.send(V5Wire.subscribe(1, "sid4/t", 0));
        client.expectBytes("90 04 00 01 00 00");

        client.send(V5Wire.publish("sid4/t", 0, 0, "p", 0));

        client.expectBytes("30 0a 00 06 73 69 64 34 2f 74 00 70"); // PUBLISH "sid4/t", no properties, "p"
    }

    @Test
    void raw_identifierOnLiveAndRetainedMessages_exactBytes() {
        // [MQTT-3.3.4-3] the retained message sent because of the subscription carries its identifier too
        RawMqttClient client = V5Wire.connected(broker.raw(), "sid-raw");
        client.send(V5Wire.publish("sid5/t", 0, 0, "r", 1));
        client.send(V5Wire.subscribe(2, 300, new V5Wire.Filter("sid5/t", 0)));
        client.expectBytes("90 04 00 02 00 00");
        // PUBLISH RETAIN=1 "sid5/t", properties length 3: subscription identifier 300 = ac 02, payload "r"
        client.expectBytes("31 0d 00 06 73 69 64 35 2f 74 03 0b ac 02 72");

        client.send(V5Wire.publish("sid5/t", 0, 0, "s", 0));

        client.expectBytes("30 0d 00 06 73 69 64 35 2f 74 03 0b ac 02 73");
        client.send(V5Wire.publish("sid5/t", 0, 0, "", 1));
    }

    @Test
    void raw_sharedAndOwnSubscription_twoCopiesEachWithItsIdentifier() {
        // [MQTT-3.3.4-5] one copy per subscription (a shared and a non-shared one), each with its own identifier
        RawMqttClient client = V5Wire.connected(broker.raw(), "sid-copies");
        client.send(V5Wire.subscribe(1, 1, new V5Wire.Filter("$share/g/sid7/t", 0)));
        client.expectBytes("90 04 00 01 00 00");
        client.send(V5Wire.subscribe(2, 2, new V5Wire.Filter("sid7/t", 0)));
        client.expectBytes("90 04 00 02 00 00");

        client.send(V5Wire.publish("sid7/t", 0, 0, "c", 0));

        List<List<Integer>> ids = List.of(V5Wire.Received.read(client).subscriptionIds(),
                V5Wire.Received.read(client).subscriptionIds());
        assertThat(ids).containsExactlyInAnyOrder(List.of(1), List.of(2));
    }

    @Test
    void raw_overlappingSubscriptions_oneCopyAtHighestQosWithBothIdentifiers() {
        // [MQTT-3.3.4-2] the highest granted QoS of the matching subscriptions; [MQTT-3.3.4-4] both identifiers
        RawMqttClient client = V5Wire.connected(broker.raw(), "sid-highest");
        client.send(V5Wire.subscribe(1, 3, new V5Wire.Filter("sid8/#", 0)));
        client.expectBytes("90 04 00 01 00 00");
        client.send(V5Wire.subscribe(2, 4, new V5Wire.Filter("sid8/+", 1)));
        client.expectBytes("90 04 00 02 00 01");

        RawMqttClient publisher = V5Wire.connected(broker.raw(), "sid-highest-pub");

        publisher.send(V5Wire.publish("sid8/t", 1, 7, "h", 0));

        V5Wire.Received received = V5Wire.Received.read(client);
        assertThat(received.qos()).isEqualTo(1);
        assertThat(received.subscriptionIds()).containsExactlyInAnyOrder(3, 4);
        client.send(V5Wire.puback(received.packetId()));
        publisher.send(V5Wire.publish("sid8/marker", 0, 0, "m", 0));
        assertThat(V5Wire.Received.read(client).payload()).isEqualTo("m"); // no second copy before it
    }

    @Test
    void raw_subscriptionIdentifierZero_disconnect0x82() {
        // 3.8.2.1.2: a subscription identifier of 0 is a Protocol Error
        RawMqttClient client = V5Wire.connected(broker.raw(), "sid-zero");

        client.send("82 09 00 01 02 0b 00 00 01 61 00"); // SUBSCRIBE id 1, properties: subscription identifier 0

        client.expectBytes("e0 01 82");
        client.expectClosed();
    }

    @Test
    void raw_publishFromClientWithSubscriptionIdentifier_disconnect0x82() {
        // [MQTT-3.3.4-6] a PUBLISH from a client carrying a subscription identifier is a Protocol Error
        RawMqttClient client = V5Wire.connected(broker.raw(), "sid-publish");

        client.send("30 07 00 01 61 02 0b 01 70"); // PUBLISH "a", properties: subscription identifier 1, "p"

        client.expectBytes("e0 01 82");
        client.expectClosed();
    }

    @Test
    void raw_identifiersOfTwoFiltersInOneSubscribe_appliesToBoth() {
        // 3.8.2.1.2: the identifier is associated with every subscription the SUBSCRIBE creates or modifies
        RawMqttClient client = V5Wire.connected(broker.raw(), "sid-two");
        client.send(V5Wire.subscribe(3, 7, new V5Wire.Filter("sid6/a", 0), new V5Wire.Filter("sid6/b", 0)));
        client.expectBytes("90 05 00 03 00 00 00");

        client.send(V5Wire.publish("sid6/b", 0, 0, "b", 0));

        assertThat(V5Wire.Received.read(client).subscriptionIds()).isEqualTo(List.of(7));
    }
}
