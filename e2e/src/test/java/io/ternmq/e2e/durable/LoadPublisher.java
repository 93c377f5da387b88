package io.ternmq.e2e.durable;

import io.ternmq.testkit.CleanSession;
import io.ternmq.testkit.Dup;
import io.ternmq.testkit.Packets;
import io.ternmq.testkit.RawMqttClient;
import io.ternmq.testkit.Retain;
import io.ternmq.testkit.SessionPresent;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Publishes numbered messages ({@code name:number}) at one QoS with a window of unacknowledged ones, until the
 * connection breaks (the broker was killed) or the round's quota is sent. A number counts as acknowledged on
 * PUBACK (QoS 1) or PUBREC (QoS 2): from then on the broker owns the message. Numbers keep growing across rounds.
 */
final class LoadPublisher {

    private static final int WINDOW = 16;

    final String name;
    final String topic;
    final int qos;
    final Set<Integer> acknowledged = ConcurrentHashMap.newKeySet();
    private int nextNumber = 1;
    private int nextPacketId = 1;

    LoadPublisher(String name, String topic, int qos) {
        this.name = name;
        this.topic = topic;
        this.qos = qos;
    }

    /** One round against the broker on {@code port}; returns when the quota is acknowledged or the broker died. */
    void publishRound(int port, int quota) {
        Map<Integer, Integer> outstanding = new HashMap<>();
        int sent = 0;
        try (RawMqttClient client = Mqtt.connect(port, name, CleanSession.YES, SessionPresent.NO)) {
            while (sent < quota || !outstanding.isEmpty()) {
                while (sent < quota && outstanding.size() < WINDOW) {
                    int packetId = nextPacketId;
                    nextPacketId = nextPacketId == 65_535 ? 1 : nextPacketId + 1;
                    int number = nextNumber++;
                    outstanding.put(packetId, number);
                    client.send(Packets.publish(topic, qos, Retain.NO, Dup.NO, packetId, name + ":" + number));
                    sent++;
                }
                byte[] packet = client.readPacket();
                int packetId = (packet[2] & 0xFF) << 8 | packet[3] & 0xFF;
                switch (packet[0] & 0xF0) {
                    case 0x40 -> acknowledge(outstanding, packetId); // PUBACK
                    case 0x50 -> { // PUBREC
                        acknowledge(outstanding, packetId);
                        client.send(Packets.pubrel(packetId));
                    }
                    default -> { } // PUBCOMP: the id is free again
                }
            }
        } catch (RuntimeException | AssertionError brokerGone) {
            // killed mid-round: what was acknowledged so far is what must survive
        }
    }

    private void acknowledge(Map<Integer, Integer> outstanding, int packetId) {
        Integer number = outstanding.remove(packetId);
        if (number != null) {
            acknowledged.add(number);
        }
    }
}
