package io.ternmq.testkit;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static io.ternmq.testkit.Mqtt5Properties.properties;
import static org.assertj.core.api.Assertions.assertThat;

class Mqtt5PacketsTest {

    private static String hex(byte[] bytes) {
        return Hex.format(bytes);
    }

    @Test
    void connect_defaults_level5CleanStartNoProperties() {
        assertThat(hex(Mqtt5Packets.connect("c").build())).isEqualTo(Hex.normalize(
                "10 0e"                 // CONNECT, remaining length 14
                        + " 00 04 4d 51 54 54" // "MQTT"
                        + " 05"            // level 5
                        + " 02"            // flags: clean start
                        + " 00 3c"         // keep-alive 60
                        + " 00"            // property length 0
                        + " 00 01 63"));   // client id "c"
    }

    @Test
    void connect_propertiesWillAndCredentials_inSpecOrder() {
        byte[] bytes = Mqtt5Packets.connect("c").cleanStart(CleanStart.NO).keepAlive(10)
                .properties(properties().sessionExpiryInterval(0x78).receiveMaximum(5))
                .will("w", "x".getBytes(StandardCharsets.UTF_8), 1, Retain.YES)
                .willProperties(properties().willDelayInterval(2))
                .username("u").password(new byte[] {9})
                .build();
        assertThat(hex(bytes)).isEqualTo(Hex.normalize(
                "10 28 00 04 4d 51 54 54 05"
                        // user 0x80 | password 0x40 | will retain 0x20 | will QoS 1 0x08 | will 0x04
                        + " ec"
                        + " 00 0a"                 // keep-alive 10
                        + " 08 11 00 00 00 78 21 00 05" // session expiry 120, receive maximum 5
                        + " 00 01 63"              // client id
                        + " 05 18 00 00 00 02"     // will properties: will delay 2
                        + " 00 01 77 00 01 78"     // will topic "w", payload "x"
                        + " 00 01 75 00 01 09"));  // user "u", password 09
    }

    @Test
    void properties_everyValueType_encodesIdThenValue() {
        byte[] bytes = properties().payloadFormatIndicator(1).topicAlias(0x0102).messageExpiryInterval(0x01020304L)
                .subscriptionIdentifier(200).contentType("t").correlationData(new byte[] {7})
                .userProperty("k", "v").build();
        assertThat(hex(bytes)).isEqualTo(Hex.normalize(
                "1c"                          // property length 28
                        + " 01 01"            // payload format indicator 1
                        + " 23 01 02"         // topic alias 258
                        + " 02 01 02 03 04"   // message expiry
                        + " 0b c8 01"         // subscription identifier 200 as a variable byte integer
                        + " 03 00 01 74"      // content type "t"
                        + " 09 00 01 07"      // correlation data 07
                        + " 26 00 01 6b 00 01 76")); // user property k=v
    }

    @Test
    void publish_qos1WithProperties_propertiesFollowPacketId() {
        byte[] bytes = Mqtt5Packets.publish("a", 1, Retain.YES, Dup.NO, 5, properties().responseTopic("r"), "z");
        assertThat(hex(bytes)).isEqualTo(Hex.normalize(
                "33 0b 00 01 61 00 05"
                        + " 04 08 00 01 72"  // properties: response topic "r"
                        + " 7a"));
    }

    @Test
    void subscribe_options_packBitsIntoOneByte() {
        byte[] bytes = Mqtt5Packets.subscribe(1, properties().subscriptionIdentifier(3),
                Mqtt5Subscription.of("a", 2).noLocal().retainAsPublished().retainHandling(2));
        assertThat(hex(bytes)).isEqualTo(Hex.normalize(
                "82 09 00 01 02 0b 03 00 01 61"
                        + " 2e"));           // retain handling 2 << 4 | rap 0x08 | no local 0x04 | qos 2
    }

    @Test
    void acksDisconnectAuth_shortAndLongForms() {
        assertThat(hex(Mqtt5Packets.puback(1, 0x10))).isEqualTo("40 03 00 01 10");
        assertThat(hex(Mqtt5Packets.pubrel(1, 0x92, properties()))).isEqualTo("62 04 00 01 92 00");
        assertThat(hex(Mqtt5Packets.disconnect(0x04))).isEqualTo("e0 01 04");
        assertThat(hex(Mqtt5Packets.disconnect())).isEqualTo("e0 00");
        assertThat(hex(Mqtt5Packets.auth(0x18, properties().authenticationMethod("M"))))
                .isEqualTo("f0 06 18 04 15 00 01 4d");
        assertThat(hex(Mqtt5Packets.unsubscribe(2, "a"))).isEqualTo("a2 06 00 02 00 00 01 61");
    }

    @Test
    void receivedPublish_parse_splitsPropertiesAndPayload() {
        byte[] bytes = Mqtt5Packets.publish("t", 2, Retain.NO, Dup.YES, 9,
                properties().userProperty("a", "1").userProperty("a", "2").correlationData(new byte[] {1, 2}), "p");
        ReceivedMqtt5Publish publish = ReceivedMqtt5Publish.parse(bytes);
        assertThat(publish.topic()).isEqualTo("t");
        assertThat(publish.qos()).isEqualTo(2);
        assertThat(publish.dup()).isEqualTo(Dup.YES);
        assertThat(publish.packetId()).isEqualTo(9);
        assertThat(publish.payloadText()).isEqualTo("p");
        assertThat(publish.properties().userProperties()).containsExactly(
                new ReceivedProperty.UserPair("a", "1"), new ReceivedProperty.UserPair("a", "2"));
        assertThat(publish.properties().get(Mqtt5Properties.CORRELATION_DATA).binary()).containsExactly(1, 2);
    }

    @Test
    void receivedPacket_connackWithProperties_readsFlagsReasonAndValues() {
        byte[] bytes = Mqtt5Packets.connack(SessionPresent.YES, 0x00, properties()
                .stringProperty(Mqtt5Properties.ASSIGNED_CLIENT_IDENTIFIER, "id")
                .twoByteProperty(Mqtt5Properties.SERVER_KEEP_ALIVE, 30));
        ReceivedMqtt5Packet connack = ReceivedMqtt5Packet.parse(bytes);
        assertThat(connack.sessionPresent()).isEqualTo(SessionPresent.YES);
        assertThat(connack.reasonCode()).isZero();
        assertThat(connack.properties().get(Mqtt5Properties.ASSIGNED_CLIENT_IDENTIFIER).text()).isEqualTo("id");
        assertThat(connack.properties().get(Mqtt5Properties.SERVER_KEEP_ALIVE).number()).isEqualTo(30);
    }

    @Test
    void receivedPacket_shortForms_defaultReasonZero() {
        assertThat(ReceivedMqtt5Packet.parse(Hex.parse("40 02 00 07")).reasonCode()).isZero();
        assertThat(ReceivedMqtt5Packet.parse(Hex.parse("e0 00")).reasonCode()).isZero();
        ReceivedMqtt5Packet suback = ReceivedMqtt5Packet.parse(Mqtt5Packets.suback(3, properties(), 0x01, 0x87));
        assertThat(suback.packetId()).isEqualTo(3);
        assertThat(suback.reasonCodes()).containsExactly(0x01, 0x87);
    }
}
