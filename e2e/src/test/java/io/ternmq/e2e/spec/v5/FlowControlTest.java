package io.ternmq.e2e.spec.v5;

import com.hivemq.client.mqtt.MqttGlobalPublishFilter;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient.Mqtt5Publishes;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;
import io.ternmq.e2e.BrokerExtension;
import io.ternmq.e2e.Mqtt5Clients;
import io.ternmq.e2e.Flows;
import io.ternmq.testkit.Packets;
import io.ternmq.testkit.RawMqttClient;
import org.eclipse.paho.mqttv5.client.IMqttMessageListener;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.MqttSubscription;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Receive Maximum both ways (3.3.4, 4.9): the broker's (3 here) limits what a client may leave unacknowledged, the
 * client's limits what the broker sends it, on top of the broker's own in-flight window (32).
 */
class FlowControlTest {

    @RegisterExtension
    final BrokerExtension broker = BrokerExtension.with(b -> b.receiveMaximum(3));

    // --- the broker's Receive Maximum ---

    @Test
    void connack_announcesTheReceiveMaximum() {
        // property 0x21: 3
        assertThat(RawV5.connected(broker, "fc-connack", "").connack()).contains("21 00 03");
    }

    @Test
    void inbound_moreUnacknowledgedQos2ThanTheReceiveMaximum_disconnect93() {
        // [MQTT-3.3.4-7] a QoS 2 PUBLISH stays unacknowledged until PUBCOMP: the fourth is one too many
        RawMqttClient publisher = RawV5.connected(broker, "fc-in", "").client();
        for (int id = 1; id <= 3; id++) {
            publisher.send(RawV5.publish("fc/in", 2, id, "", "m" + id)).expectPacket("50 03 00 0" + id + " 10");
        }

        publisher.send(RawV5.publish("fc/in", 2, 4, "", "m4")).expectPacket("e0 01 93");
        publisher.expectClosed();
    }

    @Test
    void inbound_pubcompSent_freesAPlace() {
        // [MQTT-4.9.0-2] the client's quota comes back with PUBCOMP
        RawMqttClient publisher = RawV5.connected(broker, "fc-free", "").client();
        for (int id = 1; id <= 3; id++) {
            publisher.send(RawV5.publish("fc/free", 2, id, "", "m" + id)).expectPacket("50 03 00 0" + id + " 10");
        }

        publisher.send(Packets.pubrel(2)).expectPacket("70 02 00 02");
        publisher.send(RawV5.publish("fc/free", 2, 4, "", "m4")).expectPacket("50 03 00 04 10");
        publisher.send(RawV5.publish("fc/free", 1, 5, "", "m5")).expectPacket("e0 01 93");
    }

    @Test
    void inbound_qos1AcknowledgedEachTime_neverExceeds() {
        RawMqttClient subscriber = broker.subscriber("fc-q1-sub", "fc/q1", 0);
        RawMqttClient publisher = RawV5.connected(broker, "fc-q1", "").client();

        for (int id = 1; id <= 10; id++) {
            publisher.send(RawV5.publish("fc/q1", 1, id, "", "m"))
                    .expectPacket("40 02 00 " + String.format("%02x", id));
        }

        for (int i = 0; i < 10; i++) {
            subscriber.expectPacket(Packets.publish("fc/q1", "m"));
        }
    }

    // --- the client's Receive Maximum ---

    @Test
    void outbound_clientReceiveMaximum2_neverMoreThanTwoUnacknowledged() {
        // [MQTT-3.3.4-9] [MQTT-4.9.0-1] [MQTT-4.9.0-2]
        RawMqttClient subscriber = RawV5.connected(broker, "fc-out-sub", "21 00 02").client();
        RawV5.subscribed(subscriber, "fc/out", 1);
        RawMqttClient publisher = broker.connected("fc-out-pub");
        for (int i = 1; i <= 4; i++) {
            Flows.publishQos1(publisher, "fc/out", "m" + i, i);
        }

        subscriber.expectPacket(RawV5.publish("fc/out", 1, 1, "", "m1"));
        subscriber.expectPacket(RawV5.publish("fc/out", 1, 2, "", "m2"));
        Flows.expectNoMorePublishes(subscriber);

        subscriber.send(Packets.puback(1)).expectPacket(RawV5.publish("fc/out", 1, 3, "", "m3"));
        Flows.expectNoMorePublishes(subscriber);
        subscriber.send(Packets.puback(2)).expectPacket(RawV5.publish("fc/out", 1, 4, "", "m4"));
    }

    @Test
    void outbound_clientWindowFull_otherPacketsStillFlow() {
        // [MQTT-3.3.4-10] [MQTT-4.9.0-3] a full window holds back QoS 1/2 PUBLISHes, nothing else
        RawMqttClient subscriber = RawV5.connected(broker, "fc-other-sub", "21 00 01").client();
        RawV5.subscribed(subscriber, "fc/other/1", 1);
        RawMqttClient publisher = broker.connected("fc-other-pub");
        Flows.publishQos1(publisher, "fc/other/1", "a", 1);
        Flows.publishQos1(publisher, "fc/other/1", "b", 2);
        subscriber.expectPacket(RawV5.publish("fc/other/1", 1, 1, "", "a"));

        subscriber.send(RawV5.subscribe(2, "fc/other/0", 0)).expectPacket("90 04 00 02 00 00");
        subscriber.send(Packets.pingreq()).expectPacket(Packets.pingresp());
        publisher.send(Packets.publish("fc/other/0", "q0"));
        subscriber.expectPacket(RawV5.publish("fc/other/0", 0, 0, "", "q0"));

        subscriber.send(Packets.puback(1)).expectPacket(RawV5.publish("fc/other/1", 1, 2, "", "b"));
    }

    @Test
    void hivemq_receiveMaximum2_atMostTwoInFlightUntilAcknowledged() throws InterruptedException {
        // [MQTT-3.3.4-9]
        Mqtt5BlockingClient subscriber = Mqtt5Clients.hivemq(broker, "fc-h-sub");
        subscriber.connectWith().restrictions().receiveMaximum(2).applyRestrictions().send();
        Mqtt5Publishes received = broker.closeAfterTest(subscriber.publishes(MqttGlobalPublishFilter.ALL, true));
        subscriber.subscribeWith().topicFilter("fc/hive").qos(MqttQos.AT_LEAST_ONCE).send();
        Mqtt5BlockingClient publisher = Mqtt5Clients.hivemqConnected(broker, "fc-h-pub");

        for (int i = 0; i < 5; i++) {
            publisher.publishWith().topic("fc/hive").qos(MqttQos.AT_LEAST_ONCE).payload(bytes("m" + i)).send();
        }

        List<Mqtt5Publish> unacknowledged = new ArrayList<>();
        unacknowledged.add(Mqtt5Clients.receive(received));
        unacknowledged.add(Mqtt5Clients.receive(received));
        await().atMost(BrokerExtension.WAIT).untilAsserted(() -> {
            assertThat(broker.stats().inflightMessages()).isEqualTo(2);
            assertThat(broker.stats().queuedMessages()).isEqualTo(3);
        });
        unacknowledged.forEach(Mqtt5Publish::acknowledge);
        for (int i = 2; i < 5; i++) {
            Mqtt5Publish next = Mqtt5Clients.receive(received);
            assertThat(new String(next.getPayloadAsBytes(), StandardCharsets.UTF_8)).isEqualTo("m" + i);
            next.acknowledge();
        }
        await().atMost(BrokerExtension.WAIT).until(() -> broker.stats().inflightMessages() == 0);
    }

    @Test
    void paho_receiveMaximum2_atMostTwoInFlightUntilAcknowledged() throws MqttException, InterruptedException {
        // [MQTT-3.3.4-9]
        var arrived = new LinkedBlockingQueue<MqttMessage>();
        MqttClient subscriber = Mqtt5Clients.paho(broker, "fc-p-sub");
        subscriber.setManualAcks(true);
        var options = new MqttConnectionOptions();
        options.setReceiveMaximum(2);
        subscriber.connect(options);
        subscriber.subscribe(new MqttSubscription[] {new MqttSubscription("fc/paho", 1)},
                new IMqttMessageListener[] {(topic, message) -> arrived.add(message)});
        RawMqttClient publisher = broker.connected("fc-p-pub");

        for (int i = 1; i <= 5; i++) {
            Flows.publishQos1(publisher, "fc/paho", "m" + i, i);
        }

        MqttMessage first = poll(arrived);
        MqttMessage second = poll(arrived);
        await().atMost(BrokerExtension.WAIT).untilAsserted(() -> {
            assertThat(broker.stats().inflightMessages()).isEqualTo(2);
            assertThat(broker.stats().queuedMessages()).isEqualTo(3);
        });
        assertThat(arrived).isEmpty();
        subscriber.messageArrivedComplete(first.getId(), 1);
        subscriber.messageArrivedComplete(second.getId(), 1);
        for (int i = 3; i <= 5; i++) {
            MqttMessage next = poll(arrived);
            assertThat(new String(next.getPayload(), StandardCharsets.UTF_8)).isEqualTo("m" + i);
            subscriber.messageArrivedComplete(next.getId(), 1);
        }
        await().atMost(BrokerExtension.WAIT).until(() -> broker.stats().inflightMessages() == 0);
    }

    private static MqttMessage poll(LinkedBlockingQueue<MqttMessage> arrived) throws InterruptedException {
        MqttMessage message = arrived.poll(BrokerExtension.WAIT.toMillis(), TimeUnit.MILLISECONDS);
        assertThat(message).as("a message within %s", BrokerExtension.WAIT).isNotNull();
        return message;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
