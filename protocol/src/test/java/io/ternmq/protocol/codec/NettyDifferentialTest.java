package io.ternmq.protocol.codec;

import static org.assertj.core.api.Assertions.assertThat;

import io.ternmq.protocol.MqttPacket;
import io.ternmq.protocol.PacketType;
import io.ternmq.protocol.ProtocolVersion;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Differential tests against Netty's codec-mqtt, an independent implementation of the same spec: for random
 * packets of every type, both codecs write the same bytes, and each decodes the other's bytes to the packet.
 */
class NettyDifferentialTest {

    private static final int CASES_PER_TYPE = 250;

    @ParameterizedTest
    @EnumSource(value = PacketType.class, mode = EnumSource.Mode.EXCLUDE, names = "AUTH")
    void encode_randomPackets_matchNettyByteForByte(PacketType type) {
        RandomPackets packets = new RandomPackets(new Random(1_000L + type.value()));
        for (int i = 0; i < CASES_PER_TYPE; i++) {
            ProtocolVersion version = packets.version();
            MqttPacket packet = packets.of(type, version);
            byte[] ours = Codec.encode(packet, version);
            byte[] netty = NettyOracle.encode(packet);
            assertThat(Hex.of(ours)).as("%s", packet).isEqualTo(Hex.of(netty));
        }
    }

    @ParameterizedTest
    @EnumSource(value = PacketType.class, mode = EnumSource.Mode.EXCLUDE, names = "AUTH")
    void nettyDecode_ourEncoding_givesThePacket(PacketType type) {
        RandomPackets packets = new RandomPackets(new Random(2_000L + type.value()));
        for (int i = 0; i < CASES_PER_TYPE; i++) {
            ProtocolVersion version = packets.version();
            MqttPacket packet = packets.of(type, version);
            Codec.assertSamePacket(NettyOracle.decode(Codec.encode(packet, version), version), packet);
        }
    }

    @ParameterizedTest
    @EnumSource(value = PacketType.class, mode = EnumSource.Mode.EXCLUDE, names = "AUTH")
    void decode_nettyEncoding_givesThePacket(PacketType type) {
        RandomPackets packets = new RandomPackets(new Random(3_000L + type.value()));
        for (int i = 0; i < CASES_PER_TYPE; i++) {
            ProtocolVersion version = packets.version();
            MqttPacket packet = packets.of(type, version);
            Codec.assertSamePacket(Codec.decode(NettyOracle.encode(packet), version), packet);
        }
    }
}
