package io.ternmq.e2e.spec.v5;

import io.ternmq.core.DropReason;
import io.ternmq.e2e.BrokerExtension;
import io.ternmq.e2e.Mqtt5Flows;
import io.ternmq.testkit.CleanStart;
import io.ternmq.testkit.Dup;
import io.ternmq.testkit.Mqtt5ConnectBuilder;
import io.ternmq.testkit.Mqtt5Packets;
import io.ternmq.testkit.Packets;
import io.ternmq.testkit.RawMqttClient;
import io.ternmq.testkit.ReceivedMqtt5Publish;
import io.ternmq.testkit.Retain;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static io.ternmq.testkit.Mqtt5Properties.properties;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Message expiry against the QoS 2 exchange (4.3.3), byte for byte: once a QoS 2 PUBLISH is out, expiry no longer
 * applies to it, and an expired message does not stop its acknowledgement exchange. Time passing is observed through
 * the broker itself: a session with a 1 s expiry, ended after the messages were published, has expired only once
 * 1 s has passed since.
 */
class QosTwoExpiryTest {

    @RegisterExtension
    final BrokerExtension broker = BrokerExtension.withDefaults();

    private static Mqtt5ConnectBuilder persistent(String clientId) {
        return Mqtt5Packets.connect(clientId).cleanStart(CleanStart.NO).properties(properties()
                .sessionExpiryInterval(300));
    }

    /** Returns once at least one second has passed, as the broker's own session expiry tells. */
    private void awaitOneSecondPassed() {
        long expiredBefore = broker.stats().expiredSessions();
        Mqtt5Flows.connected(broker, Mqtt5Packets.connect("one-second").properties(properties()
                .sessionExpiryInterval(1))).send(Mqtt5Packets.disconnect()).expectClosed();
        await().atMost(BrokerExtension.WAIT).until(() -> broker.stats().expiredSessions() > expiredBefore);
    }

    @Test
    void qos2PublishSent_expiresWhileUnacknowledged_stillResentWithDupOnResume() {
        // [MQTT-4.3.3-7] a QoS 2 message whose PUBLISH has been sent is no longer subject to message expiry
        Mqtt5Flows.ConnectResult first = Mqtt5Flows.connect(broker, persistent("qe-out"));
        Mqtt5Flows.subscribe(first.client(), 1, "qe/out", 2);
        Mqtt5Flows.publishQos2(Mqtt5Flows.connected(broker, "qe-out-pub"), "qe/out",
                properties().messageExpiryInterval(1), "late", 1);
        ReceivedMqtt5Publish sent = Mqtt5Flows.expectPublish(first.client(), "qe/out", "late", 2);
        assertThat(sent.dup()).isEqualTo(Dup.NO);
        first.client().close(); // no PUBREC: the delivery stays in flight in the session
        broker.awaitConnectedClients(1); // only the publisher is left
        awaitOneSecondPassed();

        RawMqttClient resumed = Mqtt5Flows.connected(broker, persistent("qe-out"));
        ReceivedMqtt5Publish again = Mqtt5Flows.expectPublish(resumed, "qe/out", "late", 2);
        assertThat(again.packetId()).isEqualTo(sent.packetId());
        assertThat(again.dup()).isEqualTo(Dup.YES); // [MQTT-4.4.0-1] [MQTT-3.3.1-1]
        Mqtt5Flows.acknowledge(resumed, again);
        Mqtt5Flows.expectNothingPending(resumed);
        assertThat(broker.stats().drops(DropReason.EXPIRED)).isZero();
    }

    @Test
    void qos2Received_messageExpiredBeforePubrel_pubcompSuccess() {
        // [MQTT-4.3.3-13] the receiver finishes the QoS 2 exchange even though the message expired meanwhile
        RawMqttClient subscriber = Mqtt5Flows.connect(broker, persistent("qe-in-sub")).client();
        Mqtt5Flows.subscribe(subscriber, 1, "qe/in", 2);
        subscriber.close(); // offline: the message waits in its session and expires there
        broker.awaitConnectedClients(0);
        RawMqttClient publisher = Mqtt5Flows.connected(broker, "qe-in-pub");

        publisher.send(Mqtt5Packets.publish("qe/in", 2, Retain.NO, Dup.NO, 7,
                properties().messageExpiryInterval(1), "expiring")).expectPacket("50 02 00 07");
        awaitOneSecondPassed();

        publisher.send(Packets.pubrel(7)).expectPacket("70 02 00 07"); // PUBCOMP 0x00, short form
        RawMqttClient resumed = Mqtt5Flows.connected(broker, persistent("qe-in-sub"));
        Mqtt5Flows.expectNothingPending(resumed); // [MQTT-3.3.2-5] expired: not delivered
        assertThat(broker.stats().drops(DropReason.EXPIRED)).isEqualTo(1);
    }
}
