package io.ternmq.e2e.spec.v311;

import io.ternmq.e2e.BrokerExtension;
import io.ternmq.testkit.CleanSession;
import io.ternmq.testkit.Hex;
import io.ternmq.testkit.Packets;
import io.ternmq.testkit.RawMqttClient;
import io.ternmq.testkit.Retain;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** CONNECT handling (section 3.1) and the CONNACK it earns (section 3.2), checked byte by byte. */
class ConnectTest {

    @RegisterExtension
    static final BrokerExtension broker = BrokerExtension.withDefaults();

    private static final byte[] WILL = "gone".getBytes(StandardCharsets.UTF_8);

    @Test
    void connect_wellFormedCleanSession_isAcceptedWithReturnCode0() {
        // [MQTT-3.1.4-4] [MQTT-3.2.2-1]
        broker.raw()
                .send("10 0f 00 04 4d 51 54 54 04 02 00 3c 00 03 63 2d 61") // CONNECT "c-a", clean, keep-alive 60
                .expectBytes("20 02 00 00");                              // CONNACK, session present 0, accepted
    }

    @Test
    void connect_mqisdpLevel3_isAccepted() {
        // MQTT 3.1 clients (protocol name "MQIsdp", level 3) are supported by this broker.
        broker.raw().send(Packets.connectBuilder("c-mqisdp").protocol("MQIsdp", 3).build())
                .expectBytes("20 02 00 00");
    }

    @Test
    void firstPacket_pingreq_closesConnectionWithoutReply() {
        // [MQTT-3.1.0-1] [MQTT-3.2.0-1]
        broker.raw().send(Packets.pingreq()).expectClosed();
    }

    @Test
    void firstPacket_publish_closesConnectionWithoutReply() {
        // [MQTT-3.1.0-1]
        broker.raw().send(Packets.publish("first/packet", "x")).expectClosed();
    }

    @Test
    void secondConnect_onSameConnection_closesConnection() {
        // [MQTT-3.1.0-2]
        RawMqttClient client = broker.connected("c-second");
        client.send(Packets.connect("c-second", CleanSession.YES, 60)).expectClosed();
    }

    @Test
    void protocolName_wrong_closesWithoutConnack() {
        // [MQTT-3.1.2-1] [MQTT-3.1.4-1]
        broker.raw().send(Packets.connectBuilder("c-name").protocol("MQTX", 4).build()).expectClosed();
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 6, 255})
    void protocolLevel_unsupported_connack01ThenClosed(int level) {
        // [MQTT-3.1.2-2] [MQTT-3.2.2-4] [MQTT-3.2.2-5]
        RawMqttClient client = broker.raw().send(Packets.connectBuilder("c-level").protocol("MQTT", level).build());
        client.expectBytes("20 02 00 01");
        client.expectClosed();
    }

    @Test
    void connectFlags_reservedBitSet_closesWithoutConnack() {
        // [MQTT-3.1.2-3] [MQTT-3.1.4-1]
        broker.raw().send(Packets.connectBuilder("c-reserved").reservedFlagSet().build()).expectClosed();
    }

    @Test
    void connectFlags_passwordWithoutUserName_closesWithoutConnack() {
        // [MQTT-3.1.2-22]
        broker.raw().send(Packets.connectBuilder("c-pw").password(new byte[] {1}).build()).expectClosed();
    }

    @Test
    void connectFlags_willQosWithoutWillFlag_closesWithoutConnack() {
        // [MQTT-3.1.2-11] [MQTT-3.1.2-13]
        broker.raw().send(Packets.connectBuilder("c-wq").flags(0x0A).build()).expectClosed(); // clean | will QoS 1
    }

    @Test
    void connectFlags_willRetainWithoutWillFlag_closesWithoutConnack() {
        // [MQTT-3.1.2-15]
        broker.raw().send(Packets.connectBuilder("c-wr").flags(0x22).build()).expectClosed(); // clean | will retain
    }

    @Test
    void connectFlags_willQos3_closesWithoutConnack() {
        // [MQTT-3.1.2-14]
        broker.raw().send(Packets.connectBuilder("c-w3").will("w/q3", WILL, 3, Retain.NO).build()).expectClosed();
    }

    @Test
    void connectFlags_willFlagWithoutWillFields_closesWithoutConnack() {
        // [MQTT-3.1.2-9] the will topic and message must follow the client id when the Will Flag is set
        broker.raw().send(Packets.connectBuilder("c-wf").flags(0x06).build()).expectClosed(); // clean | will flag
    }

    @Test
    void connectFlags_userNameFlagWithoutUserName_closesWithoutConnack() {
        // [MQTT-3.1.2-19]
        broker.raw().send(Packets.connectBuilder("c-uf").flags(0x82).build()).expectClosed();
    }

    @Test
    void connectFlags_passwordFlagWithoutPassword_closesWithoutConnack() {
        // [MQTT-3.1.2-21]
        broker.raw().send(Packets.connectBuilder("c-pf").username("u").flags(0xC2).build()).expectClosed();
    }

    @Test
    void payload_missingClientId_closesWithoutConnack() {
        // [MQTT-3.1.3-3] the client id is always present
        broker.raw().send("10 0a 00 04 4d 51 54 54 04 02 00 3c").expectClosed();
    }

    @Test
    void clientId_illFormedUtf8_closesWithoutConnack() {
        // [MQTT-3.1.3-4] [MQTT-1.5.3-1]
        broker.raw().send(Packets.connectBuilderRawId(new byte[] {'c', (byte) 0xC0, (byte) 0xAF}).build())
                .expectClosed();
    }

    @Test
    void clientId_containingNullCharacter_closesWithoutConnack() {
        // [MQTT-1.5.3-2]
        broker.raw().send(Packets.connectBuilderRawId(new byte[] {'c', 0, 'd'}).build()).expectClosed();
    }

    @Test
    void clientId_23AlphanumericCharacters_isAccepted() {
        // [MQTT-3.1.3-5]
        broker.raw().send(Packets.connect("abcdefghijklmnopqrstuvW", CleanSession.YES, 60))
                .expectBytes("20 02 00 00");
    }

    @Test
    void clientId_emptyWithCleanSession_isAcceptedAndMadeUnique() {
        // [MQTT-3.1.3-6] two clients with an empty id both stay connected: each got its own generated id
        RawMqttClient first = broker.raw().send(Packets.connect("", CleanSession.YES, 60)).expectBytes("20 02 00 00");
        RawMqttClient second = broker.raw().send(Packets.connect("", CleanSession.YES, 60)).expectBytes("20 02 00 00");
        first.send(Packets.pingreq()).expectBytes("d0 00");
        second.send(Packets.pingreq()).expectBytes("d0 00");
    }

    @Test
    void clientId_emptyWithPersistentSession_connack02ThenClosed() {
        // [MQTT-3.1.3-7] [MQTT-3.1.3-8] [MQTT-3.1.3-9] [MQTT-3.2.2-4] [MQTT-3.2.2-5]
        RawMqttClient client = broker.raw().send("10 0c 00 04 4d 51 54 54 04 00 00 3c 00 00"); // clean session 0
        client.expectBytes("20 02 00 02");
        client.expectClosed();
    }

    @Test
    void willTopic_illFormedUtf8_closesWithoutConnack() {
        // [MQTT-3.1.3-10] [MQTT-1.5.3-1]
        byte[] connect = Packets.connectBuilder("c-wt")
                .willRawTopic(new byte[] {'w', (byte) 0xED, (byte) 0xA0, (byte) 0x80}, WILL, 0, Retain.NO).build();
        broker.raw().send(connect).expectClosed();
    }

    @Test
    void userName_illFormedUtf8_closesWithoutConnack() {
        // [MQTT-3.1.3-11] [MQTT-1.5.3-1]
        broker.raw().send(Packets.connectBuilder("c-un").usernameRaw(new byte[] {(byte) 0xFF}).build())
                .expectClosed();
    }

    @Test
    void rejectedConnect_followedByPublish_publishIsNotProcessed() {
        // [MQTT-3.1.4-5]
        RawMqttClient subscriber = broker.subscriber("c-rej-sub", "rejected/after", 0);
        RawMqttClient rejected = broker.raw().send(Hex.concat(
                Packets.connectBuilder("c-rej").protocol("MQTT", 6).build(),
                Packets.publish("rejected/after", "rogue")));
        rejected.expectBytes("20 02 00 01");
        rejected.expectClosed();
        broker.connected("c-rej-pub").send(Packets.publish("rejected/after", "marker"));
        assertThat(subscriber.readPublish().payloadText()).isEqualTo("marker");
    }
}
