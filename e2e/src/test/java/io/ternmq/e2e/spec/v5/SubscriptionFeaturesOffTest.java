package io.ternmq.e2e.spec.v5;

import io.ternmq.core.SubscriptionFeatures;
import io.ternmq.e2e.BrokerExtension;
import io.ternmq.testkit.Packets;
import io.ternmq.testkit.RawMqttClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A broker with shared subscriptions, subscription identifiers and wildcards switched off: CONNACK says so
 * (3.2.2.3.11 to 3.2.2.3.13) and the SUBACK/DISCONNECT reason codes follow.
 */
class SubscriptionFeaturesOffTest {

    @RegisterExtension
    static final BrokerExtension broker = BrokerExtension.with(b -> b.subscriptionFeatures(
            new SubscriptionFeatures(false, false, false)));

    @Test
    void connack_announcesEachFeatureUnavailable() {
        RawMqttClient client = broker.raw().send(V5Wire.connect("off-connack"));

        String connack = io.ternmq.testkit.Hex.format(V5Wire.expectConnackSuccess(client));

        assertThat(connack).contains("28 00").contains("29 00").contains("2a 00"); // wildcard, ids, shared: 0
    }

    @Test
    void subscribe_sharedAndWildcardFilters_suback9EAndA2() {
        RawMqttClient client = V5Wire.connected(broker.raw(), "off-suback");

        client.send(V5Wire.subscribe(1, 0, new V5Wire.Filter("$share/g/off/t", 1), new V5Wire.Filter("off/+", 1),
                new V5Wire.Filter("off/t", 1)));

        client.expectBytes("90 06 00 01 00 9e a2 01");
    }

    @Test
    void subscribe_withIdentifier_disconnectA1() {
        RawMqttClient client = V5Wire.connected(broker.raw(), "off-id");

        client.send(V5Wire.subscribe(1, 5, new V5Wire.Filter("off/id", 0)));

        client.expectBytes("e0 01 a1");
        client.expectClosed();
    }

    @Test
    void v311_sharedAndWildcardFilters_suback80() {
        RawMqttClient client = broker.connected("off-v311");

        client.send(Packets.subscribe(1, "$share/g/off/t", 0)).expectPacket(Packets.suback(1, 0x80));
        client.send(Packets.subscribe(2, "off/#", 0)).expectPacket(Packets.suback(2, 0x80));
    }
}
