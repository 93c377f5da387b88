package io.ternmq.e2e.spec.v5;

import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient.Mqtt5Publishes;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;
import io.ternmq.core.DropReason;
import io.ternmq.e2e.BrokerExtension;
import io.ternmq.e2e.Mqtt5Clients;
import io.ternmq.e2e.Flows;
import io.ternmq.testkit.Dup;
import io.ternmq.testkit.Packets;
import io.ternmq.testkit.RawMqttClient;
import io.ternmq.testkit.Retain;
import org.eclipse.paho.mqttv5.client.IMqttMessageListener;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttSubscription;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Maximum Packet Size both ways: the broker's (limits.max_packet_size, 1024 here) is announced in CONNACK and a
 * larger packet from an MQTT 5 client ends its connection with 0x95; the client's, from its CONNECT, is never
 * exceeded: a PUBLISH that would be larger is dropped for that client, counted, and done as if delivered.
 */
class MaximumPacketSizeTest {

    @RegisterExtension
    final BrokerExtension broker = BrokerExtension.with(b -> b.maxPacketSize(1024));

    // --- the broker's maximum ---

    @Test
    void connack_announcesTheBrokerMaximum() {
        // [MQTT-3.2.2-15] property 0x27: 1024
        assertThat(RawV5.connected(broker, "ps-connack", "").connack()).contains("27 00 00 04 00");
    }

    @Test
    void inbound_packetBeyondTheBrokerMaximum_disconnect95() {
        // [MQTT-3.2.2-15] the header announcing 16383 bytes is enough: DISCONNECT Packet too large, then the close
        RawMqttClient client = RawV5.connected(broker, "ps-in", "").client();

        client.send("30 ff 7f").expectPacket("e0 01 95");
        client.expectClosed();
    }

    // --- the client's maximum ---

    @Test
    void outbound_publishAtTheClientMaximum_isSentOneByteMoreIsNot() {
        // [MQTT-3.1.2-24] 64 bytes allowed; "ps/q0" QoS 0: 1 + 1 + 7 (topic) + 1 (properties) + payload
        RawMqttClient subscriber = RawV5.connected(broker, "ps-edge-sub", "27 00 00 00 40").client();
        RawV5.subscribed(subscriber, "ps/q0", 0);
        RawMqttClient publisher = broker.connected("ps-edge-pub");

        publisher.send(Packets.publish("ps/q0", "x".repeat(55))); // 65 bytes for the subscriber
        publisher.send(Packets.publish("ps/q0", "y".repeat(54))); // 64 bytes

        byte[] delivered = subscriber.readPacket();
        assertThat(delivered).hasSize(64);
        assertThat(delivered).isEqualTo(RawV5.publish("ps/q0", 0, 0, "", "y".repeat(54)));
        await().atMost(BrokerExtension.WAIT).until(() -> broker.stats().drops(DropReason.PACKET_TOO_LARGE) == 1);
    }

    @Test
    void outbound_qos1TooLarge_isDoneAsIfDeliveredAndFreesTheWindow() {
        // [MQTT-3.1.2-25] with a Receive Maximum of 1, a dropped QoS 1 message that held its place would block
        // everything after it
        RawMqttClient subscriber = RawV5.connected(broker, "ps-q1-sub", "21 00 01 27 00 00 00 40").client();
        RawV5.subscribed(subscriber, "ps/q1", 1);
        RawMqttClient publisher = broker.connected("ps-q1-pub");

        Flows.publishQos1(publisher, "ps/q1", "big".repeat(30), 1);
        Flows.publishQos1(publisher, "ps/q1", "small 1", 2);
        Flows.publishQos1(publisher, "ps/q1", "small 2", 3);

        V5Publish first = V5Publish.parse(subscriber.readPacket());
        assertThat(new String(first.payload(), StandardCharsets.UTF_8)).isEqualTo("small 1");
        Flows.expectNoMorePublishes(subscriber); // the window of one is taken by "small 1"
        subscriber.send(Packets.puback(first.packetId()));
        V5Publish second = V5Publish.parse(subscriber.readPacket());
        assertThat(new String(second.payload(), StandardCharsets.UTF_8)).isEqualTo("small 2");
        subscriber.send(Packets.puback(second.packetId()));
        assertThat(broker.stats().drops(DropReason.PACKET_TOO_LARGE)).isEqualTo(1);
        await().atMost(BrokerExtension.WAIT).until(() -> broker.stats().inflightMessages() == 0);
    }

    @Test
    void outbound_retainedTooLarge_isNotSentOnSubscribe() {
        // [MQTT-3.1.2-24] retained messages sent because of a new subscription obey the limit too
        RawMqttClient publisher = broker.connected("ps-ret-pub");
        publisher.send(Packets.publish("ps/ret/big", 1, Retain.YES, Dup.NO, 1, "b".repeat(100)))
                .expectPacket(Packets.puback(1));
        publisher.send(Packets.publish("ps/ret/small", 1, Retain.YES, Dup.NO, 2, "s"))
                .expectPacket(Packets.puback(2));
        RawMqttClient subscriber = RawV5.connected(broker, "ps-ret-sub", "27 00 00 00 40").client();

        subscriber.send(RawV5.subscribe(1, "ps/ret/#", 0)).expectPacket("90 04 00 01 00 00");

        V5Publish retained = V5Publish.parse(subscriber.readPacket());
        assertThat(retained.topic()).isEqualTo("ps/ret/small");
        Flows.expectNoMorePublishes(subscriber);
    }

    @Test
    void hivemq_maximumPacketSize_getsOnlyWhatFits() throws InterruptedException {
        // [MQTT-3.1.2-24] the HiveMQ client would close the connection on a larger packet
        Mqtt5BlockingClient subscriber = Mqtt5Clients.hivemq(broker, "ps-h-sub");
        subscriber.connectWith().restrictions().maximumPacketSize(100).applyRestrictions().send();
        Mqtt5Publishes received = Mqtt5Clients.publishes(broker, subscriber);
        subscriber.subscribeWith().topicFilter("ps/hive").qos(MqttQos.AT_LEAST_ONCE).send();
        Mqtt5BlockingClient publisher = Mqtt5Clients.hivemqConnected(broker, "ps-h-pub");

        publisher.publishWith().topic("ps/hive").qos(MqttQos.AT_LEAST_ONCE).payload(new byte[500]).send();
        publisher.publishWith().topic("ps/hive").qos(MqttQos.AT_LEAST_ONCE).payload(bytes("fits")).send();

        Mqtt5Publish message = Mqtt5Clients.receive(received);
        assertThat(new String(message.getPayloadAsBytes(), StandardCharsets.UTF_8)).isEqualTo("fits");
        assertThat(subscriber.getState().isConnected()).isTrue();
        assertThat(broker.stats().drops(DropReason.PACKET_TOO_LARGE)).isEqualTo(1);
    }

    @Test
    void paho_maximumPacketSize_getsOnlyWhatFits() throws MqttException, InterruptedException {
        // [MQTT-3.1.2-24]
        var received = new LinkedBlockingQueue<String>();
        MqttClient subscriber = Mqtt5Clients.paho(broker, "ps-p-sub");
        var options = new MqttConnectionOptions();
        options.setMaximumPacketSize(100L);
        subscriber.connect(options);
        subscriber.subscribe(new MqttSubscription[] {new MqttSubscription("ps/paho", 1)},
                new IMqttMessageListener[] {(topic, message) ->
                        received.add(new String(message.getPayload(), StandardCharsets.UTF_8))});
        RawMqttClient publisher = broker.connected("ps-p-pub");

        Flows.publishQos1(publisher, "ps/paho", "x".repeat(500), 1);
        Flows.publishQos1(publisher, "ps/paho", "fits", 2);

        assertThat(received.poll(BrokerExtension.WAIT.toMillis(), TimeUnit.MILLISECONDS)).isEqualTo("fits");
        assertThat(subscriber.isConnected()).isTrue();
        assertThat(broker.stats().drops(DropReason.PACKET_TOO_LARGE)).isEqualTo(1);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
