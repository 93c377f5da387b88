package io.ternmq.protocol.codec.v5;

import static org.assertj.core.api.Assertions.assertThat;

import io.ternmq.protocol.MqttPacket;
import io.ternmq.protocol.PacketType;
import io.ternmq.protocol.ProtocolVersion;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Seeded random MQTT 5 packets of every type with random properties: decoding the encoding gives the packet
 * back, encodedSize is exact (checked in V5.encode), and leaving out the optional diagnostics never grows it.
 */
class V5RoundTripTest {

    private static final int CASES_PER_TYPE = 400;

    @ParameterizedTest
    @EnumSource(PacketType.class)
    void decode_encodedRandomPacket_givesThePacketBack(PacketType type) {
        RandomV5Packets packets = new RandomV5Packets(new Random(5_000L + type.value()));
        for (int i = 0; i < CASES_PER_TYPE; i++) {
            MqttPacket packet = packets.of(type);
            V5.assertSamePacket(V5.decode(V5.encode(packet)), packet);
        }
    }

    @ParameterizedTest
    @EnumSource(PacketType.class)
    void withoutOptionalDiagnostics_randomPacket_isNeverLargerAndStillRoundTrips(PacketType type) {
        // [MQTT-3.1.2-25] the core drops reason string and user properties first to fit a maximum packet size
        RandomV5Packets packets = new RandomV5Packets(new Random(6_000L + type.value()));
        for (int i = 0; i < CASES_PER_TYPE; i++) {
            MqttPacket packet = packets.of(type);
            MqttPacket lean = packet.withoutOptionalDiagnostics();
            assertThat(V5.ENCODER.encodedSize(lean, ProtocolVersion.MQTT_5))
                    .isLessThanOrEqualTo(V5.ENCODER.encodedSize(packet, ProtocolVersion.MQTT_5));
            V5.assertSamePacket(V5.decode(V5.encode(lean)), lean);
        }
    }
}
