package io.ternmq.transport;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.ternmq.protocol.Connack;
import io.ternmq.protocol.ConnectReturnCode;
import io.ternmq.protocol.Pingresp;
import io.ternmq.protocol.codec.PacketEncoder;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MqttPacketEncoderTest {

    private final EmbeddedChannel channel =
            new EmbeddedChannel(new MqttPacketEncoder(new PacketEncoder(), new NegotiatedVersion()));

    @Test
    void write_connack_isEncodedIntoAnExactlySizedBuffer() {
        channel.writeOutbound(new Connack(false, ConnectReturnCode.UNACCEPTABLE_PROTOCOL_VERSION));

        ByteBuf out = channel.readOutbound();
        try {
            // CONNACK, remaining length 2, no session present, return code 0x01
            assertThat(ByteBufUtil.getBytes(out)).containsExactly(0x20, 0x02, 0x00, 0x01);
            assertThat(out.capacity()).isEqualTo(4);
        } finally {
            out.release();
        }
    }

    @Test
    void write_pingresp_isTwoBytes() {
        channel.writeOutbound(new Pingresp());

        ByteBuf out = channel.readOutbound();
        try {
            assertThat(ByteBufUtil.getBytes(out)).containsExactly(0xD0, 0x00);
        } finally {
            out.release();
        }
    }

    @Test
    void write_notAPacket_passesThroughUntouched() {
        channel.writeOutbound(Unpooled.EMPTY_BUFFER);

        assertThat((Object) channel.readOutbound()).isSameAs(Unpooled.EMPTY_BUFFER);
    }
}
