package io.ternmq.e2e.spec.v5;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient.Mqtt5Publishes;
import com.hivemq.client.mqtt.mqtt5.exceptions.Mqtt5DisconnectException;
import com.hivemq.client.mqtt.mqtt5.message.disconnect.Mqtt5DisconnectReasonCode;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;
import io.ternmq.e2e.BrokerExtension;
import io.ternmq.e2e.HiveMqClients;
import io.ternmq.e2e.Mqtt5Clients;
import io.ternmq.e2e.Mqtt5Flows;
import io.ternmq.e2e.PahoEvents;
import io.ternmq.testkit.Dup;
import io.ternmq.testkit.Hex;
import io.ternmq.testkit.Mqtt5Packets;
import io.ternmq.testkit.RawMqttClient;
import io.ternmq.testkit.ReceivedMqtt5Packet;
import io.ternmq.testkit.Retain;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static io.ternmq.testkit.Mqtt5Properties.properties;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * DISCONNECT (section 3.14) both ways: the broker tells a 5.0 client why it closes (0x8E taken over, 0x8D keep-alive
 * timeout, 0x81 malformed packet, 0x82 protocol error) and then closes; a client's reason code decides the will
 * (0x04 publishes it, 0x00 discards it).
 */
class DisconnectTest {

    @RegisterExtension
    final BrokerExtension broker = BrokerExtension.withDefaults();

    private static final byte[] WILL = "last words".getBytes(StandardCharsets.UTF_8);

    @Test
    void takeover_sameClientId_oldConnectionGetsDisconnect0x8EThenClose() {
        // [MQTT-3.1.4-3] DISCONNECT 0x8E Session taken over; [MQTT-3.14.4-1] [MQTT-3.14.4-2] nothing after it but the
        // close; [MQTT-3.14.2-2] no Session Expiry Interval in a server DISCONNECT; [MQTT-3.14.2-1] a defined code
        RawMqttClient first = Mqtt5Flows.connected(broker, "dc-takeover");
        Mqtt5Flows.connected(broker, "dc-takeover");
        first.expectPacket("e0 01 8e");
        first.expectClosed();
    }

    @Test
    void keepAlive_silentClient_disconnect0x8DThenClose() {
        // [MQTT-3.1.2-22] no packet for 1.5 x keep-alive: DISCONNECT 0x8D Keep Alive timeout, then the close
        // [MQTT-3.2.2-22] the CONNACK has no Server Keep Alive, so the client's own 1 s applies
        RawMqttClient client = Mqtt5Flows.connected(broker, Mqtt5Packets.connect("dc-keepalive").keepAlive(1));
        client.expectPacket("e0 01 8d");
        client.expectClosed();
    }

    @Test
    void malformedPacket_publishQos3_disconnect0x81ThenClose() {
        // [MQTT-3.3.1-4] QoS 3 is malformed; [MQTT-4.13.1-1] [MQTT-4.13.2-1] DISCONNECT 0x81, then the close
        RawMqttClient client = Mqtt5Flows.connected(broker, "dc-malformed");
        client.send(Mqtt5Packets.publishRawTopic("dc/q3".getBytes(StandardCharsets.UTF_8), 3, Retain.NO, Dup.NO, 1,
                properties().build(), new byte[0]));
        client.expectPacket("e0 01 81");
        client.expectClosed();
    }

    @Test
    void malformedDisconnect_reservedFlagBits_disconnect0x81() {
        // [MQTT-3.14.1-1] DISCONNECT flags are 0000; anything else is answered with DISCONNECT 0x81
        RawMqttClient client = Mqtt5Flows.connected(broker, "dc-flags");
        client.send("e1 00");
        client.expectPacket("e0 01 81");
        client.expectClosed();
    }

    @Test
    void protocolError_secondConnect_disconnect0x82ThenClose() {
        // [MQTT-3.1.0-2] a second CONNECT is a Protocol Error: DISCONNECT 0x82, then the close [MQTT-4.13.1-1]
        RawMqttClient client = Mqtt5Flows.connected(broker, "dc-second");
        client.send(Mqtt5Packets.connect("dc-second").build());
        client.expectPacket("e0 01 82");
        client.expectClosed();
    }

    @Test
    void clientDisconnect0x04_willPublished() {
        // 0x04 Disconnect with Will Message: the will goes out although the client disconnected [MQTT-3.1.2-8]
        RawMqttClient watcher = Mqtt5Flows.subscriber(broker, "dc-w4-watch", "dc/will4", 1);
        RawMqttClient client = Mqtt5Flows.connected(broker, Mqtt5Packets.connect("dc-w4")
                .will("dc/will4", WILL, 1, Retain.NO));
        client.send(Mqtt5Packets.disconnect(0x04));
        client.expectClosed();
        Mqtt5Flows.expectPublish(watcher, "dc/will4", "last words", 1);
    }

    @Test
    void clientDisconnect0x00_willDiscarded() {
        // [MQTT-3.14.4-3] [MQTT-3.1.2-10] DISCONNECT 0x00 removes the will unpublished
        RawMqttClient watcher = Mqtt5Flows.subscriber(broker, "dc-w0-watch", "dc/will0", 0);
        RawMqttClient client = Mqtt5Flows.connected(broker, Mqtt5Packets.connect("dc-w0")
                .will("dc/will0", WILL, 0, Retain.NO));
        client.send(Mqtt5Packets.disconnect());
        client.expectClosed();
        broker.awaitConnectedClients(1);
        Mqtt5Flows.connected(broker, "dc-w0-pub").send(Mqtt5Packets.publish("dc/will0", "marker"));
        Mqtt5Flows.expectPublish(watcher, "dc/will0", "marker", 0);
    }

    @Test
    void hivemq_takeover_disconnectedWithSessionTakenOver() throws InterruptedException {
        // [MQTT-3.1.4-3] as the HiveMQ client reports it
        BlockingQueue<Throwable> causes = new LinkedBlockingQueue<>();
        Mqtt5BlockingClient first = MqttClient.builder().useMqttVersion5().identifier("dc-h-takeover")
                .serverHost("127.0.0.1").serverPort(broker.port())
                .addDisconnectedListener(context -> causes.add(context.getCause())).buildBlocking();
        broker.closeAfterTest(() -> HiveMqClients.disconnectIfConnected(first));
        first.connect();
        Mqtt5Clients.hivemqConnected(broker, "dc-h-takeover");
        Throwable cause = causes.poll(BrokerExtension.WAIT.toMillis(), TimeUnit.MILLISECONDS);
        assertThat(cause).isInstanceOfSatisfying(Mqtt5DisconnectException.class, e -> assertThat(
                e.getMqttMessage().getReasonCode()).isEqualTo(Mqtt5DisconnectReasonCode.SESSION_TAKEN_OVER));
    }

    @Test
    void paho_takeover_disconnectedWithReason0x8E() throws Exception {
        // [MQTT-3.1.4-3] as Paho v5 reports it
        var first = Mqtt5Clients.paho(broker, "dc-p-takeover");
        PahoEvents events = new PahoEvents();
        first.setCallback(events);
        first.connect();
        Mqtt5Clients.paho(broker, "dc-p-takeover").connect();
        MqttDisconnectResponse response = events.nextDisconnect();
        assertThat(response.getReturnCode()).isEqualTo(0x8E);
    }

    @Test
    void hivemq_disconnectWithWillMessage_willPublished_normalDisconnect_willDiscarded()
            throws InterruptedException {
        // [MQTT-3.1.2-8] 0x04 publishes the will; [MQTT-3.14.4-3] 0x00 discards it
        Mqtt5BlockingClient watcher = Mqtt5Clients.hivemqConnected(broker, "dc-h-watch");
        Mqtt5Publishes wills = Mqtt5Clients.publishes(broker, watcher);
        watcher.subscribeWith().topicFilter("dc/h/will/+").qos(MqttQos.AT_LEAST_ONCE).send();

        Mqtt5BlockingClient discarding = Mqtt5Clients.hivemq(broker, "dc-h-w0");
        discarding.connectWith().willPublish().topic("dc/h/will/0").payload(WILL).applyWillPublish().send();
        discarding.disconnect();
        Mqtt5BlockingClient keeping = Mqtt5Clients.hivemq(broker, "dc-h-w4");
        keeping.connectWith().willPublish().topic("dc/h/will/4").payload(WILL).applyWillPublish().send();
        keeping.disconnectWith().reasonCode(Mqtt5DisconnectReasonCode.DISCONNECT_WITH_WILL_MESSAGE).send();

        Mqtt5Publish will = Mqtt5Clients.receive(wills);
        assertThat(will.getTopic().toString()).isEqualTo("dc/h/will/4");
        broker.awaitConnectedClients(1);
        watcher.publishWith().topic("dc/h/will/0").payload("marker".getBytes(StandardCharsets.UTF_8)).send();
        assertThat(new String(Mqtt5Clients.receive(wills).getPayloadAsBytes(), StandardCharsets.UTF_8))
                .isEqualTo("marker");
    }

    @Test
    void serverDisconnect_takeover_propertiesCarryNoSessionExpiry() {
        // [MQTT-3.14.2-2] whatever properties a server DISCONNECT has, Session Expiry Interval is not one of them
        RawMqttClient first = Mqtt5Flows.connected(broker, "dc-noexpiry");
        Mqtt5Flows.connected(broker, "dc-noexpiry");
        ReceivedMqtt5Packet disconnect = first.readMqtt5Packet(Duration.ofSeconds(5))
                .expectType(ReceivedMqtt5Packet.DISCONNECT);
        assertThat(disconnect.reasonCode()).as(Hex.format(disconnect.bytes())).isEqualTo(0x8E);
        assertThat(disconnect.properties().has(0x11)).isFalse();
    }

    @Test
    void protocolError_subscriptionIdentifierFromClient_disconnect0x82() {
        // [MQTT-3.3.4-6] only the server puts a Subscription Identifier on a PUBLISH: Protocol Error
        RawMqttClient client = Mqtt5Flows.connected(broker, "dc-subid");
        client.send(Mqtt5Packets.publish("dc/subid", 0, Retain.NO, Dup.NO, 0, properties().subscriptionIdentifier(5),
                "x"));
        client.expectPacket("e0 01 82");
        client.expectClosed();
    }

    @Test
    void paho_protocolError_subscriptionIdentifierInPublish_disconnectedWith0x82() throws Exception {
        // [MQTT-3.3.4-6] [MQTT-4.13.1-1] as Paho v5 sees the broker's DISCONNECT
        // The asynchronous client, not waiting on the publish: the blocking publish waits for Paho to mark the QoS 0
        // send done, and when the broker's DISCONNECT comes first that mark never does and the call times out,
        // although the client did see the DISCONNECT.
        var client = new org.eclipse.paho.mqttv5.client.MqttAsyncClient("tcp://127.0.0.1:" + broker.port(),
                "dc-p-subid", new org.eclipse.paho.mqttv5.client.persist.MemoryPersistence());
        broker.closeAfterTest(() -> client.close(true));
        PahoEvents events = new PahoEvents();
        client.setCallback(events);
        client.connect().waitForCompletion(BrokerExtension.WAIT.toMillis());
        var properties = new org.eclipse.paho.mqttv5.common.packet.MqttProperties();
        properties.setSubscriptionIdentifiers(java.util.List.of(7));
        var message = new org.eclipse.paho.mqttv5.common.MqttMessage(new byte[] {1});
        message.setQos(0);
        message.setProperties(properties);
        client.publish("dc/p/subid", message);
        assertThat(events.nextDisconnect().getReturnCode()).isEqualTo(0x82);
    }

    @Test
    void clientDisconnect_undefinedReasonCode_malformed() {
        // [MQTT-3.14.2-1] only the defined DISCONNECT reason codes: 0x03 is none of them
        RawMqttClient client = Mqtt5Flows.connected(broker, "dc-badcode");
        client.send("e0 01 03");
        ReceivedDisconnect.expectAtLeast0x80ThenClosed(client);
    }

    @Test
    void clientDisconnect_withReasonStringAndUserProperty_closesNormallyWillDiscarded() {
        // [MQTT-3.14.4-3] a DISCONNECT 0x00 with properties is still a normal disconnection: the will is dropped
        RawMqttClient watcher = Mqtt5Flows.subscriber(broker, "dc-props-watch", "dc/props", 0);
        RawMqttClient client = Mqtt5Flows.connected(broker, Mqtt5Packets.connect("dc-props")
                .will("dc/props", WILL, 0, Retain.NO));
        client.send(Mqtt5Packets.disconnect(0x00, properties().reasonString("bye").userProperty("k", "v")));
        client.expectClosed();
        broker.awaitConnectedClients(1);
        Mqtt5Flows.connected(broker, "dc-props-pub").send(Mqtt5Packets.publish("dc/props", "marker"));
        Mqtt5Flows.expectPublish(watcher, "dc/props", "marker", 0);
    }

    @Test
    void takeover_oldConnectionsWill_published() {
        // [MQTT-3.1.4-3] the taken-over connection ends like a lost one: its will is published [MQTT-3.1.2-8]
        RawMqttClient watcher = Mqtt5Flows.subscriber(broker, "dc-tw-watch", "dc/takeover-will", 0);
        RawMqttClient first = Mqtt5Flows.connected(broker, Mqtt5Packets.connect("dc-tw")
                .will("dc/takeover-will", WILL, 0, Retain.NO));
        Mqtt5Flows.connected(broker, "dc-tw");
        first.expectPacket("e0 01 8e");
        Mqtt5Flows.expectPublish(watcher, "dc/takeover-will", "last words", 0);
    }
}
