package io.ternmq.protocol.codec;

import static io.ternmq.protocol.codec.Codec.decode;
import static io.ternmq.protocol.codec.Codec.decodeError;
import static io.ternmq.protocol.codec.Codec.encode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ternmq.protocol.Connect;
import io.ternmq.protocol.MalformedPacketException;
import io.ternmq.protocol.ProtocolVersion;
import io.ternmq.protocol.Qos;
import io.ternmq.protocol.ReasonCode;
import io.ternmq.protocol.UnsupportedProtocolVersionException;
import io.ternmq.protocol.Will;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ConnectCodecTest {

    private static final byte[] FULL = Hex.bytes("""
            10                      // CONNECT, flags 0000
            22                      // remaining length 34
            00 04 4d 51 54 54       // protocol name "MQTT"
            04                      // protocol level 4 (3.1.1)
            ee                      // flags: user name, password, will retain, will QoS 1, will, clean session
            00 3c                   // keep alive 60 s
            00 03 63 69 64          // client identifier "cid"
            00 03 61 2f 62          // will topic "a/b"
            00 02 68 69             // will message "hi"
            00 04 75 73 65 72       // user name "user"
            00 02 70 77             // password "pw"
            """);

    private static final Connect FULL_PACKET = new Connect(ProtocolVersion.MQTT_3_1_1, "cid", true, 60, "user",
            bytes("pw"), new Will("a/b", bytes("hi"), Qos.AT_LEAST_ONCE, true));

    private static final byte[] MQISDP = Hex.bytes("""
            10                          // CONNECT, flags 0000
            12                          // remaining length 18
            00 06 4d 51 49 73 64 70     // protocol name "MQIsdp"
            03                          // protocol level 3 (3.1)
            00                          // flags: none, clean session 0
            ff ff                       // keep alive 65535 s
            00 04 70 61 68 6f           // client identifier "paho"
            """);

    private static final byte[] EMPTY_CLIENT_ID = Hex.bytes("""
            10                      // CONNECT, flags 0000
            0c                      // remaining length 12
            00 04 4d 51 54 54       // protocol name "MQTT"
            04                      // protocol level 4
            02                      // flags: clean session
            00 00                   // keep alive 0 (off)
            00 00                   // client identifier "" (empty: the core applies the id rules)
            """);

    @Test
    void decode_connectWithEveryField_readsEachField() {
        // [MQTT-3.1.3-1] order: client id, will topic, will message, user name, password
        // [MQTT-3.1.2-9] [MQTT-3.1.2-19] [MQTT-3.1.2-21] fields present as the flags say
        Codec.assertSamePacket(decode(FULL), FULL_PACKET);
    }

    @Test
    void encode_connectWithEveryField_writesTheLiteral() {
        assertThat(encode(FULL_PACKET)).isEqualTo(FULL);
    }

    @Test
    void decode_mqisdpLevel3_isMqtt31() {
        Connect expected = new Connect(ProtocolVersion.MQTT_3_1, "paho", false, 65_535, null, null, null);
        Codec.assertSamePacket(decode(MQISDP), expected);
        assertThat(encode(expected, ProtocolVersion.MQTT_3_1)).isEqualTo(MQISDP);
    }

    @Test
    void decode_emptyClientId_isReturnedAsIs() {
        // [MQTT-3.1.3-3] the client identifier is always present, possibly empty
        Connect expected = new Connect(ProtocolVersion.MQTT_3_1_1, "", true, 0, null, null, null);
        Codec.assertSamePacket(decode(EMPTY_CLIENT_ID), expected);
        assertThat(encode(expected)).isEqualTo(EMPTY_CLIENT_ID);
    }

    @Test
    void decode_userNameWithoutPassword_hasNoPassword() {
        byte[] bytes = Hex.bytes("""
                10 12                   // CONNECT, remaining length 18
                00 04 4d 51 54 54       // "MQTT"
                04                      // level 4
                82                      // flags: user name, clean session
                00 0a                   // keep alive 10
                00 01 63                // client identifier "c"
                00 03 62 6f 62          // user name "bob"
                """);
        Connect expected = new Connect(ProtocolVersion.MQTT_3_1_1, "c", true, 10, "bob", null, null);
        Codec.assertSamePacket(decode(bytes), expected);
        assertThat(encode(expected)).isEqualTo(bytes);
    }

    @Test
    void decode_fixedHeaderFlagsSet_isMalformed() {
        // [MQTT-2.2.2-1] [MQTT-2.2.2-2] CONNECT flags are 0000
        byte[] bytes = FULL.clone();
        bytes[0] = 0x12;
        assertThat(decodeError(bytes)).hasMessageContaining("CONNECT fixed header flags must be 0000, got 0010");
    }

    @Test
    void decode_wrongProtocolName_isMalformedNotUnsupported() {
        // [MQTT-3.1.2-1] a name other than MQTT (or MQIsdp) is not treated as this protocol
        byte[] bytes = Hex.bytes("""
                10 0c                   // CONNECT, remaining length 12
                00 04 4d 51 54 58       // protocol name "MQTX"
                04 02 00 00             // level 4, clean session, keep alive 0
                00 00                   // client identifier ""
                """);
        MalformedPacketException e = decodeError(bytes);
        assertThat(e).isExactlyInstanceOf(MalformedPacketException.class).hasMessageContaining("\"MQTX\"");
        assertThat(e.reasonCode()).isEqualTo(ReasonCode.MALFORMED_PACKET);
    }

    @Test
    void decode_level5_isUnsupportedVersion5() {
        // [MQTT-3.1.2-2] the broker answers CONNACK 0x01 until the 5.0 path exists
        byte[] bytes = Hex.bytes("""
                10 0d                   // CONNECT, remaining length 13
                00 04 4d 51 54 54       // "MQTT"
                05                      // level 5
                02 00 3c                // clean start, keep alive 60
                00                      // properties length 0
                00 00                   // client identifier ""
                """);
        MalformedPacketException e = decodeError(bytes);
        assertThat(e).isInstanceOf(UnsupportedProtocolVersionException.class);
        assertThat(((UnsupportedProtocolVersionException) e).level()).isEqualTo(5);
        assertThat(e.reasonCode()).isEqualTo(ReasonCode.UNSUPPORTED_PROTOCOL_VERSION);
        // also on a connection whose version is already 5 (no other 5.0 packet is decoded yet)
        assertThat(decodeError(bytes, ProtocolVersion.MQTT_5)).isInstanceOf(UnsupportedProtocolVersionException.class);
    }

    @Test
    void decode_unknownLevelWithKnownName_isUnsupportedVersion() {
        // [MQTT-3.1.2-2]
        byte[] mqttLevel6 = Hex.bytes("10 0c  00 04 4d 51 54 54  06  02 00 00  00 00");
        byte[] mqttLevel3 = Hex.bytes("10 0c  00 04 4d 51 54 54  03  02 00 00  00 00");
        byte[] mqisdpLevel4 = Hex.bytes("10 0e  00 06 4d 51 49 73 64 70  04  02 00 00  00 00");
        assertThat(((UnsupportedProtocolVersionException) decodeError(mqttLevel6)).level()).isEqualTo(6);
        assertThat(((UnsupportedProtocolVersionException) decodeError(mqttLevel3)).level()).isEqualTo(3);
        assertThat(((UnsupportedProtocolVersionException) decodeError(mqisdpLevel4)).level()).isEqualTo(4);
    }

    @Test
    void decode_reservedConnectFlagSet_isMalformed() {
        // [MQTT-3.1.2-3]
        assertThat(decodeError(connectWithFlags(0x03))).hasMessageContaining("reserved flag");
    }

    @Test
    void decode_willQosWithoutWillFlag_isMalformed() {
        // [MQTT-3.1.2-11] [MQTT-3.1.2-13]
        assertThat(decodeError(connectWithFlags(0x0a))).hasMessageContaining("will QoS must be 0");
    }

    @Test
    void decode_willRetainWithoutWillFlag_isMalformed() {
        // [MQTT-3.1.2-11] [MQTT-3.1.2-15]
        assertThat(decodeError(connectWithFlags(0x22))).hasMessageContaining("will retain must be 0");
    }

    @Test
    void decode_willQos3_isMalformed() {
        // [MQTT-3.1.2-14]
        byte[] bytes = Hex.bytes("""
                10 12                   // CONNECT, remaining length 18
                00 04 4d 51 54 54       // "MQTT"
                04                      // level 4
                1e                      // flags: will QoS 3, will, clean session
                00 00                   // keep alive 0
                00 00                   // client identifier ""
                00 01 74                // will topic "t"
                00 01 21                // will message "!"
                """);
        assertThat(decodeError(bytes)).hasMessageContaining("will QoS 3");
    }

    @Test
    void decode_passwordWithoutUserName_isMalformed() {
        // [MQTT-3.1.2-22]
        byte[] bytes = Hex.bytes("""
                10 10                   // CONNECT, remaining length 16
                00 04 4d 51 54 54       // "MQTT"
                04                      // level 4
                42                      // flags: password, clean session
                00 00                   // keep alive 0
                00 00                   // client identifier ""
                00 02 70 77             // password "pw"
                """);
        assertThat(decodeError(bytes)).hasMessageContaining("password flag set without the user name flag");
    }

    @Test
    void decode_fieldBeyondTheFlags_isMalformed() {
        // [MQTT-3.1.3-1] [MQTT-3.1.2-18] no user name field without its flag
        byte[] bytes = Hex.bytes("""
                10 0f                   // CONNECT, remaining length 15
                00 04 4d 51 54 54       // "MQTT"
                04 02 00 00             // level 4, clean session, keep alive 0
                00 00                   // client identifier ""
                00 01 75                // a user name "u" although the flag is 0
                """);
        assertThat(decodeError(bytes)).hasMessageContaining("CONNECT has 3 bytes after its last field");
    }

    @Test
    void decode_passwordFieldWithoutItsFlag_isMalformed() {
        // [MQTT-3.1.2-20] password flag 0: no password field
        byte[] bytes = Hex.bytes("""
                10 13                   // CONNECT, remaining length 19
                00 04 4d 51 54 54       // "MQTT"
                04 82 00 00             // level 4, flags: user name + clean session, keep alive 0
                00 00                   // client identifier ""
                00 01 75                // user name "u"
                00 02 70 77             // a password "pw" although the flag is 0
                """);
        assertThat(decodeError(bytes)).hasMessageContaining("CONNECT has 4 bytes after its last field");
    }

    @Test
    void decode_willTopicWithEncodedSurrogate_isMalformed() {
        // [MQTT-3.1.3-10] the will topic is a UTF-8 string; [MQTT-1.5.3-1]
        byte[] bytes = Hex.bytes("""
                10 14                   // CONNECT, remaining length 20
                00 04 4d 51 54 54       // "MQTT"
                04 06 00 00             // level 4, flags: will + clean session, keep alive 0
                00 00                   // client identifier ""
                00 03 ed a0 80          // will topic: U+D800 encoded
                00 01 21                // will message "!"
                """);
        assertThat(decodeError(bytes)).hasMessageContaining("will topic: invalid UTF-8 at byte 0 (encoded surrogate)");
    }

    @Test
    void decode_userNameWithOverlongEncoding_isMalformed() {
        // [MQTT-3.1.3-11] the user name is a UTF-8 string; [MQTT-1.5.3-1]
        byte[] bytes = Hex.bytes("""
                10 10                   // CONNECT, remaining length 16
                00 04 4d 51 54 54       // "MQTT"
                04 82 00 00             // level 4, flags: user name + clean session, keep alive 0
                00 00                   // client identifier ""
                00 02 c1 81             // user name: 'A' in an overlong two-byte form
                """);
        assertThat(decodeError(bytes)).hasMessageContaining("user name: invalid UTF-8 at byte 0");
    }

    @Test
    void decode_userNameFlagWithoutUserName_isMalformed() {
        // [MQTT-3.1.2-19] the flag promises a field the packet does not hold
        byte[] bytes = Hex.bytes("""
                10 0c                   // CONNECT, remaining length 12
                00 04 4d 51 54 54       // "MQTT"
                04 82 00 00             // level 4, flags: user name + clean session, keep alive 0
                00 00                   // client identifier "", then nothing
                """);
        assertThat(decodeError(bytes))
                .hasMessageContaining("user name length needs 2 bytes but the packet has 0 left");
    }

    @Test
    void decode_willWithoutWillMessage_isMalformed() {
        // [MQTT-3.1.2-9] will topic and will message are both present
        byte[] bytes = Hex.bytes("""
                10 0f                   // CONNECT, remaining length 15
                00 04 4d 51 54 54       // "MQTT"
                04 06 00 00             // level 4, flags: will + clean session, keep alive 0
                00 00                   // client identifier ""
                00 01 74                // will topic "t", then no will message
                """);
        assertThat(decodeError(bytes))
                .hasMessageContaining("will message length needs 2 bytes but the packet has 0 left");
    }

    @Test
    void decode_willTopicWithWildcard_isMalformed() {
        // [MQTT-4.7.1-1] the will topic is published, so it is a topic name
        byte[] bytes = Hex.bytes("""
                10 12                   // CONNECT, remaining length 18
                00 04 4d 51 54 54       // "MQTT"
                04 06 00 00             // level 4, flags: will + clean session, keep alive 0
                00 00                   // client identifier ""
                00 01 23                // will topic "#"
                00 01 21                // will message "!"
                """);
        assertThat(decodeError(bytes)).hasMessageContaining("will topic is not a valid topic name");
    }

    @Test
    void decode_truncatedClientId_isMalformed() {
        // [MQTT-3.1.3-3] the remaining length ends inside the client identifier
        byte[] bytes = Hex.bytes("""
                10 0d                   // CONNECT, remaining length 13
                00 04 4d 51 54 54       // "MQTT"
                04 02 00 00             // level 4, clean session, keep alive 0
                00 05 61                // client identifier of 5 bytes, only 1 present
                """);
        assertThat(decodeError(bytes))
                .hasMessageContaining("client identifier needs 5 bytes but the packet has 1 left");
    }

    @Test
    void decode_clientIdWithInvalidUtf8_isMalformed() {
        // [MQTT-3.1.3-4] [MQTT-1.5.3-1]
        byte[] bytes = Hex.bytes("""
                10 0e                   // CONNECT, remaining length 14
                00 04 4d 51 54 54       // "MQTT"
                04 02 00 00             // level 4, clean session, keep alive 0
                00 02 c3 28             // client identifier: C3 then a non-continuation byte
                """);
        assertThat(decodeError(bytes)).hasMessageContaining("client identifier: invalid UTF-8");
    }

    @Test
    void encode_mqtt5Connect_isWrittenAtTheLevelItNames() {
        // A CONNECT names its own level: before CONNECT the connection's version is still 3.1.1.
        Connect v5 = new Connect(ProtocolVersion.MQTT_5, "c", true, 0, null, null, null);
        assertThat(Hex.of(Codec.encode(v5, ProtocolVersion.MQTT_3_1_1)))
                .isEqualTo("10 0e 00 04 4d 51 54 54 05 02 00 00 00 00 01 63");
    }

    /** A CONNECT with no will, no user name and no password fields, whatever the flags say. */
    private static byte[] connectWithFlags(int flags) {
        byte[] bytes = Hex.bytes("""
                10 0c                   // CONNECT, remaining length 12
                00 04 4d 51 54 54       // "MQTT"
                04                      // level 4
                02                      // connect flags, replaced below
                00 00                   // keep alive 0
                00 00                   // client identifier ""
                """);
        bytes[9] = (byte) flags;
        return bytes;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
