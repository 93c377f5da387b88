package io.ternmq.e2e.spec.v5;

import io.ternmq.e2e.BrokerExtension;
import io.ternmq.e2e.Mqtt5Flows;
import io.ternmq.testkit.Dup;
import io.ternmq.testkit.Mqtt5Packets;
import io.ternmq.testkit.RawMqttClient;
import io.ternmq.testkit.ReceivedMqtt5Publish;
import io.ternmq.testkit.Retain;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static io.ternmq.testkit.Mqtt5Properties.properties;
import static org.assertj.core.api.Assertions.assertThat;

/** The 5.0 PUBLISH from a client (section 3.3): topic name rules and retained messages. */
class PublishTest {

    @RegisterExtension
    static final BrokerExtension broker = BrokerExtension.withDefaults();

    private static void publishRetained(RawMqttClient publisher, String topic, String payload, int packetId) {
        publisher.send(Mqtt5Packets.publish(topic, 1, Retain.YES, Dup.NO, packetId, properties(), payload));
        Mqtt5Flows.expectAck(publisher, 4, packetId);
    }

    @Test
    void topicName_illFormedUtf8_malformed() {
        // [MQTT-3.3.2-1] [MQTT-1.5.4-1]
        RawMqttClient client = Mqtt5Flows.connected(broker, "p5-utf8");
        client.send(Mqtt5Packets.publishRawTopic(new byte[] {'a', (byte) 0xED, (byte) 0xA0, (byte) 0x80}, 0,
                Retain.NO, Dup.NO, 0, properties().build(), new byte[0]));
        client.expectPacket("e0 01 81");
        client.expectClosed();
    }

    @Test
    void topicName_nullCharacter_malformed() {
        // [MQTT-4.7.3-2] [MQTT-1.5.4-2]
        RawMqttClient client = Mqtt5Flows.connected(broker, "p5-null");
        client.send(Mqtt5Packets.publishRawTopic(new byte[] {'a', 0, 'b'}, 0, Retain.NO, Dup.NO, 0,
                properties().build(), new byte[0]));
        client.expectPacket("e0 01 81");
        client.expectClosed();
    }

    @Test
    void topicName_withWildcard_disconnectedWithError() {
        // [MQTT-3.3.2-2] [MQTT-4.7.0-1] no wildcards in a topic name
        RawMqttClient client = Mqtt5Flows.connected(broker, "p5-wild");
        client.send(Mqtt5Packets.publish("a/+", "x"));
        ReceivedDisconnect.expectAtLeast0x80ThenClosed(client);
    }

    @Test
    void topicName_emptyWithoutAlias_protocolError() {
        // [MQTT-4.7.3-1] a topic name has at least one character (unless a Topic Alias stands in for it)
        RawMqttClient client = Mqtt5Flows.connected(broker, "p5-empty");
        client.send(Mqtt5Packets.publish("", "x"));
        ReceivedDisconnect.expectAtLeast0x80ThenClosed(client);
    }

    @Test
    void retained_replacedThenDeletedByEmptyPayload() {
        // [MQTT-3.3.1-5] RETAIN=1 replaces the topic's retained message; [MQTT-3.3.1-6] an empty retained PUBLISH
        // is delivered as usual and deletes it; [MQTT-3.3.1-7] the empty message is not stored
        RawMqttClient publisher = Mqtt5Flows.connected(broker, "p5-ret-pub");
        publishRetained(publisher, "p5/ret", "first", 1);
        publishRetained(publisher, "p5/ret", "second", 2);
        RawMqttClient subscriber = Mqtt5Flows.subscriber(broker, "p5-ret-sub", "p5/ret", 1);
        ReceivedMqtt5Publish kept = Mqtt5Flows.expectPublish(subscriber, "p5/ret", "second", 1);
        assertThat(kept.retain()).isEqualTo(Retain.YES);
        Mqtt5Flows.acknowledge(subscriber, kept);
        Mqtt5Flows.expectNothingPending(subscriber);

        publisher.send(Mqtt5Packets.publish("p5/ret", 1, Retain.YES, Dup.NO, 3, properties(), new byte[0]));
        Mqtt5Flows.expectAck(publisher, 4, 3);
        ReceivedMqtt5Publish deletion = subscriber.readMqtt5Publish();
        assertThat(deletion.payload()).isEmpty();
        Mqtt5Flows.acknowledge(subscriber, deletion);
        RawMqttClient late = Mqtt5Flows.subscriber(broker, "p5-ret-late", "p5/ret", 1);
        Mqtt5Flows.expectNothingPending(late);
    }

    @Test
    void notRetained_neitherStoredNorReplacingTheRetainedOne() {
        // [MQTT-3.3.1-8]
        RawMqttClient publisher = Mqtt5Flows.connected(broker, "p5-nr-pub");
        publishRetained(publisher, "p5/nr", "retained", 1);
        Mqtt5Flows.publishQos1(publisher, "p5/nr", properties(), "live", 2);
        RawMqttClient subscriber = Mqtt5Flows.subscriber(broker, "p5-nr-sub", "p5/nr", 0);
        ReceivedMqtt5Publish received = Mqtt5Flows.expectPublish(subscriber, "p5/nr", "retained", 0);
        assertThat(received.retain()).isEqualTo(Retain.YES);
        Mqtt5Flows.expectNothingPending(subscriber);
        publisher.send(Mqtt5Packets.publish("p5/nr", 0, Retain.YES, Dup.NO, 0, properties(), new byte[0]));
    }

    @Test
    void payload_bytesForwardedExactly() {
        // The payload is opaque application data: every byte value passes through unchanged
        byte[] payload = new byte[256];
        for (int i = 0; i < payload.length; i++) {
            payload[i] = (byte) i;
        }
        RawMqttClient subscriber = Mqtt5Flows.subscriber(broker, "p5-bytes-sub", "p5/bytes", 0);
        Mqtt5Flows.connected(broker, "p5-bytes-pub").send(Mqtt5Packets.publish("p5/bytes", 0, Retain.NO, Dup.NO, 0,
                properties(), payload));
        assertThat(subscriber.readMqtt5Publish().payload()).isEqualTo(payload);
    }
}
