package io.ternmq.e2e.spec.v5;

import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient.Mqtt5Publishes;
import io.ternmq.e2e.BrokerExtension;
import io.ternmq.testkit.Packets;
import io.ternmq.testkit.RawMqttClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static io.ternmq.e2e.spec.v5.HiveMqV5.connected;
import static io.ternmq.e2e.spec.v5.HiveMqV5.publish;
import static io.ternmq.e2e.spec.v5.HiveMqV5.publishes;
import static io.ternmq.e2e.spec.v5.HiveMqV5.receive;
import static io.ternmq.e2e.spec.v5.HiveMqV5.text;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Shared subscriptions (4.8.2): {@code $share/{ShareName}/{filter}}, each message to one member, round-robin over
 * the connected members; unacknowledged QoS 1 messages of a member whose session ends go to another member.
 */
class SharedSubscriptionTest {

    @RegisterExtension
    static final BrokerExtension broker = BrokerExtension.withDefaults();

    private static void subscribeShared(Mqtt5BlockingClient client, String filter, MqttQos qos) {
        client.subscribeWith().topicFilter(filter).qos(qos).send();
    }

    /** Drains whatever arrives until {@code expected} messages in total arrived over all members. */
    private static List<List<String>> collect(List<Mqtt5Publishes> members, int expected)
            throws InterruptedException {
        List<List<String>> received = new ArrayList<>();
        members.forEach(m -> received.add(new ArrayList<>()));
        int total = 0;
        long deadline = System.nanoTime() + BrokerExtension.WAIT.toNanos();
        while (total < expected && System.nanoTime() < deadline) {
            for (int i = 0; i < members.size(); i++) {
                var message = members.get(i).receive(10, TimeUnit.MILLISECONDS);
                if (message.isPresent()) {
                    received.get(i).add(text(message.get()));
                    total++;
                }
            }
        }
        return received;
    }

    @Test
    void hivemq_threeMembers_eachMessageToOneMemberRoundRobin() throws InterruptedException {
        // [MQTT-4.8.2-1] [MQTT-4.8.2-2] a valid shared filter; 4.8.2: each message to one member, split fairly
        List<Mqtt5Publishes> members = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Mqtt5BlockingClient member = connected(broker, "share-load-" + i);
            members.add(publishes(broker, member));
            subscribeShared(member, "$share/load/shl/t", MqttQos.AT_LEAST_ONCE);
        }
        Mqtt5BlockingClient publisher = connected(broker, "share-load-pub");

        for (int i = 0; i < 30; i++) {
            publish(publisher, "shl/t", "m" + i, MqttQos.AT_LEAST_ONCE, false);
        }

        List<List<String>> received = collect(members, 30);
        Set<String> all = new HashSet<>();
        received.forEach(all::addAll);
        assertThat(all).hasSize(30);
        assertThat(received).allSatisfy(messages -> assertThat(messages).hasSize(10));
    }

    @Test
    void paho_twoMembers_splitMessagesBetweenThem() throws Exception {
        // 4.8.2: each message to one member; [MQTT-4.8.2-3] at the member's granted QoS
        PahoV5 first = PahoV5.connected(broker, "paho-share-a");
        first.subscribe("$share/paho/shp/t", 0);
        PahoV5 second = PahoV5.connected(broker, "paho-share-b");
        second.subscribe("$share/paho/shp/t", 0);
        PahoV5 publisher = PahoV5.connected(broker, "paho-share-pub");

        for (int i = 0; i < 4; i++) {
            publisher.publish("shp/t", "m" + i);
        }

        Set<String> all = new HashSet<>();
        for (int i = 0; i < 2; i++) {
            all.add(PahoV5.text(first.next()));
            all.add(PahoV5.text(second.next()));
        }
        assertThat(all).containsExactlyInAnyOrder("m0", "m1", "m2", "m3");
    }

    @Test
    void hivemq_twoGroupsOnOneTopic_eachGroupGetsEveryMessage() throws InterruptedException {
        // 4.8.2: every group is a subscription of its own; a message goes to one member of each
        Mqtt5BlockingClient first = connected(broker, "share-g1");
        Mqtt5Publishes firstReceived = publishes(broker, first);
        subscribeShared(first, "$share/g1/shg/t", MqttQos.AT_LEAST_ONCE);
        Mqtt5BlockingClient second = connected(broker, "share-g2");
        Mqtt5Publishes secondReceived = publishes(broker, second);
        subscribeShared(second, "$share/g2/shg/t", MqttQos.AT_LEAST_ONCE);
        Mqtt5BlockingClient publisher = connected(broker, "share-g-pub");

        publish(publisher, "shg/t", "both groups", MqttQos.AT_LEAST_ONCE, false);

        assertThat(text(receive(firstReceived))).isEqualTo("both groups");
        assertThat(text(receive(secondReceived))).isEqualTo("both groups");
    }

    @Test
    void hivemq_retainedMessage_notSentOnSharedSubscribe() throws InterruptedException {
        // 3.3.1.3: retained messages go to new non-shared subscriptions only
        Mqtt5BlockingClient publisher = connected(broker, "share-ret-pub");
        publish(publisher, "shr/t", "retained", MqttQos.AT_LEAST_ONCE, true);
        Mqtt5BlockingClient member = connected(broker, "share-ret");
        Mqtt5Publishes received = publishes(broker, member);

        subscribeShared(member, "$share/ret/shr/t", MqttQos.AT_LEAST_ONCE);
        publish(publisher, "shr/t", "marker", MqttQos.AT_LEAST_ONCE, false);

        var first = receive(received);
        assertThat(text(first)).isEqualTo("marker");
        assertThat(first.isRetain()).isFalse();
        publish(publisher, "shr/t", "", MqttQos.AT_LEAST_ONCE, true);
    }

    @Test
    void raw_memberEndsWithUnacknowledgedQos1_messageGoesToAnotherMember() {
        // 4.8.2: a QoS 1 message not acknowledged by a member whose session ends goes to another member
        RawMqttClient leaving = V5Wire.connected(broker.raw(), "share-leave-a");
        leaving.send(V5Wire.subscribe(1, "$share/re/shq/t", 1));
        leaving.expectBytes("90 04 00 01 00 01");
        RawMqttClient publisher = V5Wire.connected(broker.raw(), "share-leave-pub");
        publisher.send(V5Wire.publish("shq/t", 1, 1, "m1", 0));
        publisher.readPacket(); // PUBACK
        assertThat(V5Wire.Received.read(leaving).payload()).isEqualTo("m1"); // never acknowledged
        RawMqttClient staying = V5Wire.connected(broker.raw(), "share-leave-b");
        staying.send(V5Wire.subscribe(2, "$share/re/shq/t", 1));
        staying.expectBytes("90 04 00 02 00 01");

        leaving.close(); // session expiry 0: the session ends with the connection

        V5Wire.Received moved = V5Wire.Received.read(staying);
        assertThat(moved.payload()).isEqualTo("m1");
        assertThat(moved.qos()).isEqualTo(1);
        staying.send(V5Wire.puback(moved.packetId()));
    }

    @Test
    void raw_memberEndsWithQos2InFlight_notSentToAnotherMember() {
        // [MQTT-4.8.2-5] a QoS 2 delivery under way is not handed to another member when the session ends
        RawMqttClient leaving = V5Wire.connected(broker.raw(), "share-q2-a");
        leaving.send(V5Wire.subscribe(1, "$share/q2/shq2/t", 2));
        leaving.expectBytes("90 04 00 01 00 02");
        RawMqttClient publisher = V5Wire.connected(broker.raw(), "share-q2-pub");
        publisher.send(V5Wire.publish("shq2/t", 2, 1, "exactly once", 0));
        publisher.readPacket(); // PUBREC
        assertThat(V5Wire.Received.read(leaving).qos()).isEqualTo(2); // no PUBREC sent back
        RawMqttClient staying = V5Wire.connected(broker.raw(), "share-q2-b");
        staying.send(V5Wire.subscribe(2, "$share/q2/shq2/t", 2));
        staying.expectBytes("90 04 00 02 00 02");

        leaving.close();
        // QoS 1: should it still be picked for the leaving member, it moves to the other one when that session ends
        publisher.send(V5Wire.publish("shq2/t", 1, 2, "marker", 0));

        assertThat(V5Wire.Received.read(staying).payload()).isEqualTo("marker");
    }

    @Test
    void raw_persistentMemberReconnects_qos2DeliveryCompletedToIt() {
        // [MQTT-4.8.2-4] a QoS 2 delivery to a member that lost its connection is completed when it comes back
        RawMqttClient member = broker.raw().send(V5Wire.connectPersistent("share-q2-back", 300, true));
        V5Wire.expectConnackSuccess(member);
        member.send(V5Wire.subscribe(1, "$share/back/shb/t", 2));
        member.expectBytes("90 04 00 01 00 02");
        RawMqttClient publisher = V5Wire.connected(broker.raw(), "share-q2-back-pub");
        publisher.send(V5Wire.publish("shb/t", 2, 1, "q2", 0));
        publisher.readPacket(); // PUBREC
        V5Wire.Received first = V5Wire.Received.read(member);
        member.close();

        RawMqttClient back = broker.raw().send(V5Wire.connectPersistent("share-q2-back", 300, false));
        V5Wire.expectConnackSuccess(back);
        V5Wire.Received again = V5Wire.Received.read(back);

        assertThat(again.payload()).isEqualTo("q2");
        assertThat(again.firstByte()).isEqualTo(0x3C); // PUBLISH QoS 2, DUP=1
        assertThat(again.packetId()).isEqualTo(first.packetId());
        back.send(Packets.pubrec(again.packetId()));
        back.expectPacket(Packets.pubrel(again.packetId()));
        back.send(Packets.pubcomp(again.packetId()));
    }

    @Test
    void raw_memberRefusesWithPuback80_messageNotSentToAnotherMember() {
        // [MQTT-4.8.2-6] a PUBACK with a reason code of 0x80 or above discards the message, no other member gets it
        RawMqttClient refusing = V5Wire.connected(broker.raw(), "share-refuse-a");
        refusing.send(V5Wire.subscribe(1, "$share/refuse/shf/t", 1));
        refusing.expectBytes("90 04 00 01 00 01");
        RawMqttClient publisher = V5Wire.connected(broker.raw(), "share-refuse-pub");
        publisher.send(V5Wire.publish("shf/t", 1, 1, "refused", 0));
        publisher.readPacket(); // PUBACK
        V5Wire.Received received = V5Wire.Received.read(refusing);
        refusing.send(Packets.packet(0x40, Packets.uint16(received.packetId()), new byte[] {(byte) 0x80}));
        RawMqttClient other = V5Wire.connected(broker.raw(), "share-refuse-b");
        other.send(V5Wire.subscribe(2, "$share/refuse/shf/t", 1));
        other.expectBytes("90 04 00 02 00 01");

        refusing.close();
        // QoS 1: should it still be picked for the leaving member, it moves to the other one when that session ends
        publisher.send(V5Wire.publish("shf/t", 1, 2, "marker", 0));

        assertThat(V5Wire.Received.read(other).payload()).isEqualTo("marker");
    }

    @Test
    void raw_memberGrantedQos0_getsQos0() {
        // [MQTT-4.8.2-3] the member's granted QoS is respected
        RawMqttClient member = V5Wire.connected(broker.raw(), "share-qos0");
        member.send(V5Wire.subscribe(1, "$share/q0/shq0/t", 0));
        member.expectBytes("90 04 00 01 00 00");
        RawMqttClient publisher = V5Wire.connected(broker.raw(), "share-qos0-pub");

        publisher.send(V5Wire.publish("shq0/t", 1, 1, "x", 0));

        member.expectBytes("30 0a 00 06 73 68 71 30 2f 74 00 78"); // PUBLISH QoS 0 "shq0/t", no properties, "x"
    }

    @Test
    void raw_invalidShareNames_suback8F() {
        // [MQTT-4.8.2-1] a ShareName of at least one character; [MQTT-4.8.2-2] without '+', then '/' and a filter
        RawMqttClient client = V5Wire.connected(broker.raw(), "share-invalid");

        client.send(V5Wire.subscribe(1, 0, new V5Wire.Filter("$share//a", 1), new V5Wire.Filter("$share/g", 1),
                new V5Wire.Filter("$share/+/a", 1), new V5Wire.Filter("$share/ok/shi/t", 1)));

        client.expectBytes("90 07 00 01 00 8f 8f 8f 01");
    }

    @Test
    void raw_unsubscribeWithFullSharedFilter_unsuback00Then11() {
        // [MQTT-3.10.4-1] the shared filter compared as sent; [MQTT-3.11.3-1] [MQTT-3.11.3-2] codes 0x00, 0x11
        RawMqttClient member = V5Wire.connected(broker.raw(), "share-unsub");
        member.send(V5Wire.subscribe(1, "$share/un/shu/t", 0));
        member.expectBytes("90 04 00 01 00 00");

        member.send(V5Wire.unsubscribe(2, "shu/t", "$share/un/shu/t"));
        member.expectBytes("b0 05 00 02 00 11 00");
        member.send(V5Wire.unsubscribe(3, "$share/un/shu/t"));
        member.expectBytes("b0 04 00 03 00 11");

        RawMqttClient publisher = V5Wire.connected(broker.raw(), "share-unsub-pub");
        publisher.send(V5Wire.publish("shu/t", 1, 1, "nobody", 0));
        publisher.expectBytes("40 03 00 01 10"); // PUBACK 0x10: no matching subscribers
    }

    @Test
    void raw_offlinePersistentMember_getsMessagesOnlyWhenNoMemberIsOnline() {
        // 4.8.2 leaves the choice to the server: connected members first, queued for an offline one otherwise
        RawMqttClient away = broker.raw().send(V5Wire.connectPersistent("share-away", 300, true));
        V5Wire.expectConnackSuccess(away);
        away.send(V5Wire.subscribe(1, "$share/off/sho/t", 1));
        away.expectBytes("90 04 00 01 00 01");
        away.send(Packets.disconnect());
        away.expectClosed();
        RawMqttClient online = V5Wire.connected(broker.raw(), "share-online");
        online.send(V5Wire.subscribe(1, "$share/off/sho/t", 1));
        online.expectBytes("90 04 00 01 00 01");
        RawMqttClient publisher = V5Wire.connected(broker.raw(), "share-off-pub");

        for (int i = 0; i < 4; i++) {
            publisher.send(V5Wire.publish("sho/t", 1, i + 1, "live" + i, 0));
            publisher.readPacket();
            V5Wire.Received received = V5Wire.Received.read(online);
            assertThat(received.payload()).isEqualTo("live" + i);
            online.send(V5Wire.puback(received.packetId()));
        }
        online.close(); // its session ends: the offline member is the only one left
        publisher.send(V5Wire.publish("sho/t", 1, 9, "queued", 0));
        publisher.readPacket();

        RawMqttClient back = broker.raw().send(V5Wire.connectPersistent("share-away", 300, false));
        V5Wire.expectConnackSuccess(back);
        assertThat(V5Wire.Received.read(back).payload()).isEqualTo("queued");
    }

    @Test
    void raw_v311Clients_shareToo() {
        // 3.1.1 clients may use "$share/" as well (a common broker extension): one member gets each message
        RawMqttClient first = broker.connected("share-v3-a");
        first.send(Packets.subscribe(1, "$share/v3/sh3/t", 0)).expectPacket(Packets.suback(1, 0));
        RawMqttClient second = broker.connected("share-v3-b");
        second.send(Packets.subscribe(1, "$share/v3/sh3/t", 0)).expectPacket(Packets.suback(1, 0));
        RawMqttClient publisher = broker.connected("share-v3-pub");

        publisher.send(Packets.publish("sh3/t", "one"));
        publisher.send(Packets.publish("sh3/t", "two"));

        Set<String> got = new HashSet<>();
        got.add(first.readPublish().payloadText());
        got.add(second.readPublish().payloadText());
        assertThat(got).containsExactlyInAnyOrder("one", "two");
    }
}
