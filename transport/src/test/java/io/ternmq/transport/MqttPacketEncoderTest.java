package io.ternmq.transport;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.ternmq.protocol.Connack;
import io.ternmq.protocol.ConnectReturnCode;
import io.ternmq.protocol.MqttPacket;
import io.ternmq.protocol.Pingresp;
import io.ternmq.protocol.ProtocolVersion;
import io.ternmq.protocol.Publish;
import io.ternmq.protocol.Qos;
import io.ternmq.protocol.codec.PacketEncoder;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

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

    @Test
    void write_batch_sharesOneExactlySizedBuffer() {
        channel.writeOutbound(new PacketBatch(List.of(new Pingresp(), new Connack(true, ConnectReturnCode.ACCEPTED),
                new Pingresp())));

        ByteBuf out = channel.readOutbound();
        try {
            assertThat(ByteBufUtil.getBytes(out)).containsExactly(0xD0, 0x00, 0x20, 0x02, 0x01, 0x00, 0xD0, 0x00);
            assertThat(out.capacity()).isEqualTo(8);
        } finally {
            out.release();
        }
        assertThat((Object) channel.readOutbound()).isNull();
    }

    /** 100 PUBLISHes of about 1 KiB: buffers of at most the limit, and the bytes of each packet, in order. */
    @Test
    void write_batchAboveTheLimit_splitIntoBuffersInOrder() {
        List<MqttPacket> packets = new ArrayList<>();
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        for (int i = 1; i <= 100; i++) {
            Publish publish = new Publish("t/" + i, Qos.AT_LEAST_ONCE, false, false, i, new byte[1000 + i]);
            packets.add(publish);
            expected.writeBytes(encodeAlone(publish));
        }

        channel.writeOutbound(new PacketBatch(packets));

        ByteArrayOutputStream actual = new ByteArrayOutputStream();
        int buffers = 0;
        for (ByteBuf out; (out = channel.readOutbound()) != null; buffers++) {
            assertThat(out.readableBytes()).isLessThanOrEqualTo(MqttPacketEncoder.COALESCE_LIMIT);
            actual.writeBytes(ByteBufUtil.getBytes(out));
            out.release();
        }
        assertThat(actual.toByteArray()).isEqualTo(expected.toByteArray());
        assertThat(buffers).isBetween(7, 8);
    }

    @Test
    void write_batchWithAPacketLargerThanTheLimit_givesItABufferOfItsOwn() {
        Publish large = new Publish("big", Qos.AT_MOST_ONCE, false, false, 0,
                new byte[MqttPacketEncoder.COALESCE_LIMIT]);

        channel.writeOutbound(new PacketBatch(List.of(new Pingresp(), large, new Pingresp())));

        List<Integer> sizes = new ArrayList<>();
        for (ByteBuf out; (out = channel.readOutbound()) != null; ) {
            sizes.add(out.readableBytes());
            out.release();
        }
        assertThat(sizes).containsExactly(2, encodeAlone(large).length, 2);
    }

    /** [MQTT-1.5.4-2] a topic with U+0000 cannot be sent: that packet fails, the rest of the batch goes out. */
    @Test
    void write_batchWithAnUnencodablePacket_writesTheOthersAndReportsTheFailure() {
        List<Throwable> failures = new ArrayList<>();
        channel.pipeline().addLast(new ChannelInboundHandlerAdapter() {
            @Override
            public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
                failures.add(cause);
            }
        });
        Publish bad = new Publish("a\u0000b", Qos.AT_MOST_ONCE, false, false, 0, new byte[1]);

        channel.writeOutbound(new PacketBatch(List.of(new Pingresp(), bad, new Pingresp())));

        ByteBuf out = channel.readOutbound();
        try {
            assertThat(ByteBufUtil.getBytes(out)).containsExactly(0xD0, 0x00, 0xD0, 0x00);
        } finally {
            out.release();
        }
        assertThat(failures).singleElement().isInstanceOf(IllegalArgumentException.class);
    }

    private static byte[] encodeAlone(MqttPacket packet) {
        PacketEncoder encoder = new PacketEncoder();
        ByteBuf buffer = Unpooled.buffer();
        try {
            encoder.encode(packet, ProtocolVersion.MQTT_3_1_1, buffer);
            return ByteBufUtil.getBytes(buffer);
        } finally {
            buffer.release();
        }
    }
}
