package io.ternmq.protocol.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.ternmq.protocol.MqttPacket;
import io.ternmq.protocol.PacketType;
import io.ternmq.protocol.ProtocolVersion;
import io.ternmq.protocol.Publish;
import io.ternmq.protocol.Qos;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Seeded random packets: encode then decode gives the packet back, for every type and both versions. */
class RoundTripTest {

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1L, 42L, 311L})
    void encodeThenDecode_randomPackets_givesThePacketBack(long seed) {
        RandomPackets packets = new RandomPackets(new Random(seed));
        Set<PacketType> seen = EnumSet.noneOf(PacketType.class);
        for (int i = 0; i < 1_500; i++) {
            ProtocolVersion version = packets.version();
            MqttPacket packet = packets.next(version);
            byte[] bytes = Codec.encode(packet, version);
            Codec.assertSamePacket(Codec.decode(bytes, version), packet);
            seen.add(packet.type());
        }
        assertThat(seen).containsExactlyInAnyOrderElementsOf(RandomPackets.types());
    }

    @Test
    void assertSamePacket_payloadsThatDiffer_fails() {
        // The comparison the round trips rely on really looks into the arrays.
        Publish a = new Publish("t", Qos.AT_MOST_ONCE, false, false, 0, new byte[] {1, 2});
        Publish b = new Publish("t", Qos.AT_MOST_ONCE, false, false, 0, new byte[] {1, 3});
        assertThatThrownBy(() -> Codec.assertSamePacket(a, b)).isInstanceOf(AssertionError.class);
        Codec.assertSamePacket(a, new Publish("t", Qos.AT_MOST_ONCE, false, false, 0, new byte[] {1, 2}));
    }

    @Test
    void decode_streamOfRandomPacketsInRandomChunks_givesEveryPacketInOrder() {
        Random random = new Random(7L);
        RandomPackets packets = new RandomPackets(random);
        List<MqttPacket> sent = new ArrayList<>();
        ByteBuf stream = Unpooled.buffer();
        ByteBuf in = Unpooled.directBuffer();
        try {
            for (int i = 0; i < 1_000; i++) {
                MqttPacket packet = packets.next(ProtocolVersion.MQTT_3_1_1);
                sent.add(packet);
                Codec.ENCODER.encode(packet, ProtocolVersion.MQTT_3_1_1, stream);
            }
            List<MqttPacket> received = new ArrayList<>();
            while (stream.isReadable()) {
                in.writeBytes(stream, Math.min(stream.readableBytes(), 1 + random.nextInt(700)));
                MqttPacket packet;
                while ((packet = Codec.DECODER.decode(in, ProtocolVersion.MQTT_3_1_1)) != null) {
                    received.add(packet);
                }
                in.discardReadBytes();
            }
            assertThat(in.isReadable()).isFalse();
            assertThat(received).hasSameSizeAs(sent);
            for (int i = 0; i < sent.size(); i++) {
                Codec.assertSamePacket(received.get(i), sent.get(i));
            }
        } finally {
            stream.release();
            in.release();
        }
    }
}
