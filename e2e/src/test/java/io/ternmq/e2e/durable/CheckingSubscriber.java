package io.ternmq.e2e.durable;

import io.ternmq.testkit.CleanSession;
import io.ternmq.testkit.Dup;
import io.ternmq.testkit.Packets;
import io.ternmq.testkit.RawMqttClient;
import io.ternmq.testkit.ReceivedPublish;
import io.ternmq.testkit.SessionPresent;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A persistent subscriber of the crash test: offline while the broker is under load and killed (and between rounds
 * it comes back to collect), or online and reading when the kill comes. Like a real client it keeps its QoS 2
 * state across connections. It checks as it reads: messages of each publisher first arrive in publish order, and
 * a message delivered at QoS 2 never arrives twice.
 */
final class CheckingSubscriber {

    final String clientId;
    final int grantedQos;
    private final Map<String, Set<Integer>> received = new HashMap<>();
    private final Map<String, Integer> lastFirstSeen = new HashMap<>();
    /** QoS 2 packet ids answered with PUBREC and not yet released: a resend of one of them is no duplicate. */
    private final Map<Integer, String> awaitingPubrel = new HashMap<>();
    final List<String> violations = new ArrayList<>();
    int deliveries;

    CheckingSubscriber(String clientId, int grantedQos) {
        this.clientId = clientId;
        this.grantedQos = grantedQos;
    }

    void subscribeFirstTime(int port, String filter) {
        RawMqttClient client = Mqtt.connect(port, clientId, CleanSession.NO, SessionPresent.NO);
        Mqtt.subscribe(client, filter, grantedQos);
        Mqtt.disconnect(client);
    }

    Set<Integer> received(String publisher) {
        return received.getOrDefault(publisher, Set.of());
    }

    /** Stays connected and reads whatever comes until the broker dies under it. */
    void listenUntilKilled(int port) {
        try (RawMqttClient client = Mqtt.connect(port, clientId, CleanSession.NO, SessionPresent.YES)) {
            while (true) {
                handle(client, client.readPacket(Duration.ofSeconds(60)));
            }
        } catch (RuntimeException | AssertionError killed) {
            // the broker was killed: what this client acknowledged may or may not have been processed
        }
    }

    /** Reconnects (the session must be there: Session Present 1) and reads until every expected number arrived. */
    void collect(int port, Map<String, Set<Integer>> expected) {
        RawMqttClient client = Mqtt.connect(port, clientId, CleanSession.NO, SessionPresent.YES);
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!hasAll(expected)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(clientId + " is missing acknowledged messages: " + missing(expected));
            }
            byte[] packet;
            try {
                packet = client.readPacket(Duration.ofSeconds(10));
            } catch (AssertionError silent) {
                throw new AssertionError(clientId + " got nothing for 10 s while missing acknowledged messages: "
                        + missing(expected), silent);
            }
            handle(client, packet);
        }
        leave(client);
    }

    private void handle(RawMqttClient client, byte[] packet) {
        switch (packet[0] & 0xF0) {
            case 0x30 -> onPublish(client, ReceivedPublish.parse(packet));
            case 0x60 -> { // PUBREL
                int packetId = (packet[2] & 0xFF) << 8 | packet[3] & 0xFF;
                awaitingPubrel.remove(packetId);
                client.send(Packets.pubcomp(packetId));
            }
            default -> throw new AssertionError("unexpected packet type " + (packet[0] & 0xF0));
        }
    }

    /** DISCONNECT, then read (and drop: they come again next time) until the broker closes, so nothing is reset. */
    private static void leave(RawMqttClient client) {
        client.send(Packets.disconnect());
        try {
            while (true) {
                client.readPacket(Duration.ofSeconds(5));
            }
        } catch (RuntimeException | AssertionError closed) {
            client.close();
        }
    }

    private void onPublish(RawMqttClient client, ReceivedPublish publish) {
        deliveries++;
        if (publish.qos() == 1) {
            client.send(Packets.puback(publish.packetId()));
        } else if (publish.qos() == 2) {
            client.send(Packets.pubrec(publish.packetId()));
            if (publish.payloadText().equals(awaitingPubrel.put(publish.packetId(), publish.payloadText()))) {
                return; // our PUBREC did not reach the broker before we left: a resend, not a second message
            }
        }
        String[] parts = publish.payloadText().split(":");
        String publisher = parts[0];
        int number = Integer.parseInt(parts[1]);
        Set<Integer> seen = received.computeIfAbsent(publisher, p -> new HashSet<>());
        if (!seen.add(number)) {
            if (publish.qos() == 2) {
                violations.add(clientId + " got QoS 2 message " + publish.payloadText() + " twice (dup "
                        + (publish.dup() == Dup.YES) + ")");
            }
            return;
        }
        int last = lastFirstSeen.getOrDefault(publisher, 0);
        if (number < last) {
            violations.add(clientId + " got " + publish.payloadText() + " after " + publisher + ":" + last);
        }
        lastFirstSeen.put(publisher, Math.max(last, number));
    }

    private boolean hasAll(Map<String, Set<Integer>> expected) {
        return expected.entrySet().stream().allMatch(e -> received(e.getKey()).containsAll(e.getValue()));
    }

    private String missing(Map<String, Set<Integer>> expected) {
        StringBuilder out = new StringBuilder();
        expected.forEach((publisher, numbers) -> {
            Set<Integer> absent = new HashSet<>(numbers);
            absent.removeAll(received(publisher));
            out.append(publisher).append(' ').append(absent.size()).append(" e.g. ")
                    .append(absent.stream().sorted().limit(5).toList()).append("; ");
        });
        return out.toString();
    }
}
