package io.ternmq.e2e;

import io.ternmq.testkit.Dup;
import io.ternmq.testkit.Packets;
import io.ternmq.testkit.RawMqttClient;
import io.ternmq.testkit.ReceivedPublish;
import io.ternmq.testkit.Retain;

import static org.assertj.core.api.Assertions.assertThat;

/** Complete QoS exchanges on a raw client, each reply checked byte for byte. */
public final class Flows {

    private Flows() {
    }

    /** PUBLISH QoS 1, then the PUBACK echoing the packet id. */
    public static void publishQos1(RawMqttClient publisher, String topic, String payload, int packetId) {
        publisher.send(Packets.publish(topic, 1, Retain.NO, Dup.NO, packetId, payload))
                .expectPacket(Packets.puback(packetId));
    }

    /** PUBLISH QoS 2, PUBREC, PUBREL, PUBCOMP, all with the same packet id. */
    public static void publishQos2(RawMqttClient publisher, String topic, String payload, int packetId) {
        publisher.send(Packets.publish(topic, 2, Retain.NO, Dup.NO, packetId, payload))
                .expectPacket(Packets.pubrec(packetId));
        publisher.send(Packets.pubrel(packetId)).expectPacket(Packets.pubcomp(packetId));
    }

    /** Retained publish at QoS 1 so the test knows the broker has it when the PUBACK arrives. */
    public static void publishRetained(RawMqttClient publisher, String topic, String payload, int packetId) {
        publisher.send(Packets.publish(topic, 1, Retain.YES, Dup.NO, packetId, payload))
                .expectPacket(Packets.puback(packetId));
    }

    /** Reads the next PUBLISH and checks topic, payload and QoS. */
    public static ReceivedPublish expectPublish(RawMqttClient subscriber, String topic, String payload, int qos) {
        ReceivedPublish p = subscriber.readPublish();
        assertThat(p.topic()).as("topic of %s", p).isEqualTo(topic);
        assertThat(p.payloadText()).as("payload of %s", p).isEqualTo(payload);
        assertThat(p.qos()).as("QoS of %s", p).isEqualTo(qos);
        return p;
    }

    /** Acknowledges a received PUBLISH per its QoS (PUBACK, or PUBREC/PUBREL/PUBCOMP). */
    public static void acknowledge(RawMqttClient subscriber, ReceivedPublish publish) {
        switch (publish.qos()) {
            case 0 -> { }
            case 1 -> subscriber.send(Packets.puback(publish.packetId()));
            case 2 -> subscriber.send(Packets.pubrec(publish.packetId()))
                    .expectPacket(Packets.pubrel(publish.packetId()))
                    .send(Packets.pubcomp(publish.packetId()));
            default -> throw new AssertionError("QoS " + publish.qos() + " received: " + publish);
        }
    }

    /**
     * Proves nothing else is pending for the subscriber: a PINGREQ is answered in order, so if the next packet is
     * the PINGRESP nothing was queued before it.
     */
    public static void expectNoMorePublishes(RawMqttClient subscriber) {
        subscriber.send(Packets.pingreq()).expectPacket(Packets.pingresp());
    }

    /**
     * Proves a message did not reach the subscriber without waiting for silence: a marker published afterwards on
     * the same topic by the same publisher must be the next PUBLISH the subscriber sees (per-topic ordering).
     */
    public static void expectMarkerNext(RawMqttClient subscriber, RawMqttClient publisher, String topic) {
        publisher.send(Packets.publish(topic, 0, Retain.NO, Dup.NO, 0, "marker"));
        ReceivedPublish next = subscriber.readPublish();
        assertThat(next.payloadText()).as("next PUBLISH after the marker was sent: %s", next).isEqualTo("marker");
    }
}
