package io.ternmq.e2e.durable;

import io.ternmq.testkit.CleanSession;
import io.ternmq.testkit.Dup;
import io.ternmq.testkit.Packets;
import io.ternmq.testkit.RawMqttClient;
import io.ternmq.testkit.Retain;
import io.ternmq.testkit.SessionPresent;

/** Raw-client steps the durable tests repeat: connect with a known Session Present, publish, subscribe. */
final class Mqtt {

    private Mqtt() {
    }

    static RawMqttClient connect(int port, String clientId, CleanSession clean, SessionPresent expected) {
        RawMqttClient client = RawMqttClient.connect("127.0.0.1", port);
        client.send(Packets.connect(clientId, clean, 0));
        client.expectPacket(Packets.connack(expected, 0));
        return client;
    }

    static void subscribe(RawMqttClient client, String filter, int qos) {
        client.send(Packets.subscribe(1, filter, qos)).expectPacket(Packets.suback(1, qos));
    }

    static void publishQos1(RawMqttClient client, String topic, Retain retain, int packetId, String payload) {
        client.send(Packets.publish(topic, 1, retain, Dup.NO, packetId, payload));
        client.expectPacket(Packets.puback(packetId));
    }

    static void disconnect(RawMqttClient client) {
        client.send(Packets.disconnect());
        client.expectClosed();
    }
}
