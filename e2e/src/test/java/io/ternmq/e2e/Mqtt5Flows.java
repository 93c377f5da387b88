package io.ternmq.e2e;

import io.ternmq.testkit.Dup;
import io.ternmq.testkit.Mqtt5ConnectBuilder;
import io.ternmq.testkit.Mqtt5Packets;
import io.ternmq.testkit.Mqtt5Properties;
import io.ternmq.testkit.Packets;
import io.ternmq.testkit.RawMqttClient;
import io.ternmq.testkit.ReceivedMqtt5Packet;
import io.ternmq.testkit.ReceivedMqtt5Publish;
import io.ternmq.testkit.Retain;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * MQTT 5.0 exchanges on a raw client: connect, subscribe, publish and acknowledge, each reply checked. Replies whose
 * exact bytes are the point of a test are asserted there; these helpers check the fields that make the step succeed.
 */
public final class Mqtt5Flows {

    private Mqtt5Flows() {
    }

    /** Sends this CONNECT on a new raw connection and returns the CONNACK, whatever its reason code. */
    public static ConnectResult connect(BrokerExtension broker, Mqtt5ConnectBuilder connect) {
        RawMqttClient client = broker.raw().send(connect.build());
        return new ConnectResult(client, client.readMqtt5Packet().expectType(ReceivedMqtt5Packet.CONNACK));
    }

    /** A raw 5.0 client connected with Clean Start = 1, no properties; the CONNACK must be a success. */
    public static RawMqttClient connected(BrokerExtension broker, String clientId) {
        return connected(broker, Mqtt5Packets.connect(clientId));
    }

    public static RawMqttClient connected(BrokerExtension broker, Mqtt5ConnectBuilder connect) {
        ConnectResult result = connect(broker, connect);
        assertThat(result.connack().reasonCode()).as("CONNACK %s", result.connack()).isZero();
        return result.client();
    }

    /** A clean-start 5.0 client subscribed to one filter (packet id 1) with the granted QoS checked. */
    public static RawMqttClient subscriber(BrokerExtension broker, String clientId, String filter, int qos) {
        return subscribe(connected(broker, clientId), 1, filter, qos);
    }

    /** SUBSCRIBE without properties or options beyond the QoS; SUBACK grants that QoS [MQTT-3.9.3-2]. */
    public static RawMqttClient subscribe(RawMqttClient client, int packetId, String filter, int qos) {
        return client.send(Mqtt5Packets.subscribe(packetId, filter, qos))
                .expectPacket(Mqtt5Packets.suback(packetId, Mqtt5Properties.properties(), qos));
    }

    /** PUBLISH QoS 1 with these properties; returns the PUBACK (its id checked). */
    public static ReceivedMqtt5Packet publishQos1(RawMqttClient publisher, String topic, Mqtt5Properties properties,
                                                  String payload, int packetId) {
        publisher.send(Mqtt5Packets.publish(topic, 1, Retain.NO, Dup.NO, packetId, properties, payload));
        return expectAck(publisher, ReceivedMqtt5Packet.PUBACK, packetId);
    }

    /** PUBLISH QoS 2, PUBREC, PUBREL, PUBCOMP; returns the PUBREC. */
    public static ReceivedMqtt5Packet publishQos2(RawMqttClient publisher, String topic, Mqtt5Properties properties,
                                                  String payload, int packetId) {
        publisher.send(Mqtt5Packets.publish(topic, 2, Retain.NO, Dup.NO, packetId, properties, payload));
        ReceivedMqtt5Packet pubrec = expectAck(publisher, ReceivedMqtt5Packet.PUBREC, packetId);
        publisher.send(Packets.pubrel(packetId));
        ReceivedMqtt5Packet pubcomp = expectAck(publisher, ReceivedMqtt5Packet.PUBCOMP, packetId);
        assertThat(pubcomp.reasonCode()).as("PUBCOMP %s", pubcomp).isZero();
        return pubrec;
    }

    /** Reads the next packet: an ack of this type for this packet id [MQTT-2.2.1-5]. */
    public static ReceivedMqtt5Packet expectAck(RawMqttClient client, int type, int packetId) {
        ReceivedMqtt5Packet ack = client.readMqtt5Packet().expectType(type);
        assertThat(ack.packetId()).as("packet id of %s", ack).isEqualTo(packetId);
        return ack;
    }

    /** Reads the next PUBLISH and checks topic, payload and QoS. */
    public static ReceivedMqtt5Publish expectPublish(RawMqttClient subscriber, String topic, String payload, int qos) {
        ReceivedMqtt5Publish p = subscriber.readMqtt5Publish();
        assertThat(p.topic()).as("topic of %s", p).isEqualTo(topic);
        assertThat(p.payloadText()).as("payload of %s", p).isEqualTo(payload);
        assertThat(p.qos()).as("QoS of %s", p).isEqualTo(qos);
        return p;
    }

    /** Acknowledges a received PUBLISH per its QoS with success acks in their short form. */
    public static void acknowledge(RawMqttClient subscriber, ReceivedMqtt5Publish publish) {
        switch (publish.qos()) {
            case 0 -> { }
            case 1 -> subscriber.send(Packets.puback(publish.packetId()));
            case 2 -> {
                subscriber.send(Packets.pubrec(publish.packetId()));
                expectAck(subscriber, ReceivedMqtt5Packet.PUBREL, publish.packetId());
                subscriber.send(Packets.pubcomp(publish.packetId()));
            }
            default -> throw new AssertionError("QoS " + publish.qos() + " received: " + publish);
        }
    }

    /** A PINGREQ is answered in order: if the next packet is the PINGRESP, nothing was pending before it. */
    public static void expectNothingPending(RawMqttClient client) {
        client.send(Packets.pingreq()).expectPacket(Packets.pingresp());
    }

    /** A raw connection and the CONNACK it got. */
    public record ConnectResult(RawMqttClient client, ReceivedMqtt5Packet connack) {
    }
}
