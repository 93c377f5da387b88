package io.ternmq.transport;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.ternmq.protocol.PacketType;
import io.ternmq.protocol.Pingreq;
import io.ternmq.protocol.Pingresp;
import io.ternmq.protocol.codec.PacketDecoder;
import io.ternmq.protocol.codec.PacketEncoder;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TrafficCountersTest {

    private final TrafficCounters counters = new TrafficCounters(() -> 0);

    @Test
    void decoder_wholeAndPartialPackets_countsEveryByteAndEachPacket() {
        var channel = new EmbeddedChannel(new MqttPacketDecoder(new PacketDecoder(1024)::decode,
                new NegotiatedVersion(), counters));

        channel.writeInbound(Unpooled.wrappedBuffer(new byte[]{(byte) 0xC0, 0x00, (byte) 0xC0})); // PINGREQ + half

        assertThat(counters.bytesReceived()).isEqualTo(3);
        assertThat(counters.packetsReceived(PacketType.PINGREQ)).isEqualTo(1);
        assertThat((Object) channel.readInbound()).isInstanceOf(Pingreq.class);
        channel.finishAndReleaseAll();
    }

    @Test
    void encoder_packet_countsItsTypeAndEncodedSize() {
        var channel = new EmbeddedChannel(new MqttPacketEncoder(new PacketEncoder(), new NegotiatedVersion(),
                counters));

        channel.writeOutbound(Pingresp.INSTANCE);

        ByteBuf written = channel.readOutbound();
        assertThat(counters.bytesSent()).isEqualTo(written.readableBytes()).isEqualTo(2);
        assertThat(counters.packetsSent(PacketType.PINGRESP)).isEqualTo(1);
        written.release();
    }
}
