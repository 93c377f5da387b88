package io.ternmq.protocol.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ternmq.protocol.Auth;
import io.ternmq.protocol.AuthProperties;
import io.ternmq.protocol.Connack;
import io.ternmq.protocol.Connect;
import io.ternmq.protocol.MqttPacket;
import io.ternmq.protocol.ProtocolVersion;
import io.ternmq.protocol.Puback;
import io.ternmq.protocol.Publish;
import io.ternmq.protocol.Qos;
import io.ternmq.protocol.ReasonCode;
import io.ternmq.protocol.Suback;
import io.ternmq.protocol.Subscribe;
import io.ternmq.protocol.TopicSubscription;
import io.ternmq.protocol.Will;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the encoder refuses: values that do not fit their fields on the wire. */
class EncoderLimitsTest {

    @Test
    void encode_topicOf65535Bytes_fits() {
        // [MQTT-4.7.3-3] at most 65535 bytes
        Publish publish = new Publish("a".repeat(65_535), Qos.AT_MOST_ONCE, false, false, 0, new byte[0]);
        byte[] bytes = Codec.encode(publish);
        assertThat(bytes).hasSize(1 + 3 + 2 + 65_535);
        Codec.assertSamePacket(Codec.decode(bytes), publish);
    }

    @Test
    void encode_stringOver65535Bytes_isIllegalArgument() {
        // [MQTT-4.7.3-3] counted in UTF-8 bytes: 32768 two-byte characters are one byte too many
        Publish publish = new Publish("\u00e9".repeat(32_768), Qos.AT_MOST_ONCE, false, false, 0, new byte[0]);
        assertRejected(publish, "topic name is 65536 bytes of UTF-8, more than 65535");
        Subscribe subscribe = new Subscribe(1, List.of(new TopicSubscription("a".repeat(65_536), Qos.AT_MOST_ONCE)));
        assertRejected(subscribe, "topic filter is 65536 bytes");
        Connect connect = new Connect(ProtocolVersion.MQTT_3_1_1, "c".repeat(70_000), true, 0, null, null, null);
        assertRejected(connect, "client identifier is 70000 bytes");
    }

    @Test
    void encode_binaryOver65535Bytes_isIllegalArgument() {
        Connect password = new Connect(ProtocolVersion.MQTT_3_1_1, "c", true, 0, "u", new byte[65_536], null);
        assertRejected(password, "password is 65536 bytes");
        Will will = new Will("t", new byte[65_536], Qos.AT_MOST_ONCE, false);
        assertRejected(new Connect(ProtocolVersion.MQTT_3_1_1, "c", true, 0, null, null, will), "will message");
    }

    @Test
    void encode_valuesBeyondTheirFields_areIllegalArguments() {
        assertRejected(new Puback(65_536), "packet identifier 65536 does not fit in two bytes");
        assertRejected(new Publish("t", Qos.AT_LEAST_ONCE, false, false, -1, new byte[0]), "packet identifier -1");
        assertRejected(new Connect(ProtocolVersion.MQTT_3_1_1, "c", true, 65_536, null, null, null), "keep alive");
        assertRejected(new Suback(1, List.of(256)), "return code 256 does not fit in a byte");
        assertRejected(new Connack(false, 300), "return code 300 does not fit in a byte");
    }

    @Test
    void remainingLength_aboveTheFourByteMaximum_isIllegalArgument() {
        // 2.2.3: four length bytes carry at most 268,435,455 (a payload that big is not worth allocating here)
        assertThat(FixedHeader.packetSize(268_435_455)).isEqualTo(1 + 4 + 268_435_455);
        assertThatThrownBy(() -> FixedHeader.packetSize(268_435_456))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("exceeds the maximum 268435455");
        assertThatThrownBy(() -> PacketEncoder.requireRemainingLength(268_435_456L))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void encode_authBeforeMqtt5_isRejected() {
        Auth auth = new Auth(ReasonCode.SUCCESS, AuthProperties.EMPTY);
        assertThatThrownBy(() -> Codec.encode(auth, ProtocolVersion.MQTT_3_1_1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("AUTH does not exist");
    }

    private static void assertRejected(MqttPacket packet, String message) {
        assertThatThrownBy(() -> Codec.ENCODER.encodedSize(packet, ProtocolVersion.MQTT_3_1_1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(message);
        assertThatThrownBy(() -> Codec.encode(packet))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(message);
    }
}
