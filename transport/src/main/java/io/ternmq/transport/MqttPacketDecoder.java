package io.ternmq.transport;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.ternmq.protocol.Connect;
import io.ternmq.protocol.MalformedPacketException;
import io.ternmq.protocol.MqttPacket;

import java.util.List;

/**
 * Turns the byte stream into packet records. Emits {@link MqttPacket}s, and at most one
 * {@link MalformedPacketException} as a message (so that it reaches the core after every packet decoded before
 * it); after that it discards all input. It does not close the connection: the core does, after possibly
 * answering (CONNACK 0x01 for an unsupported protocol level). Input keeps being read and dropped so that the
 * peer's close is still noticed.
 */
final class MqttPacketDecoder extends ByteToMessageDecoder {

    private final PacketReader reader;
    private final NegotiatedVersion version;
    private final TrafficCounters counters;
    private boolean discarding;

    MqttPacketDecoder(PacketReader reader, NegotiatedVersion version) {
        this(reader, version, new TrafficCounters(() -> 0));
    }

    MqttPacketDecoder(PacketReader reader, NegotiatedVersion version, TrafficCounters counters) {
        this.reader = reader;
        this.version = version;
        this.counters = counters;
    }

    /** Counts every byte that arrives, whether it becomes a packet, waits for more or is discarded. */
    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
        if (msg instanceof ByteBuf bytes) {
            counters.received(bytes.readableBytes());
        }
        super.channelRead(ctx, msg);
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        if (discarding) {
            in.skipBytes(in.readableBytes());
            return;
        }
        try {
            MqttPacket packet = reader.read(in, version.get());
            if (packet == null) {
                return;
            }
            if (packet instanceof Connect connect) {
                version.fixFromConnect(connect.version());
            }
            counters.received(packet.type());
            out.add(packet);
        } catch (MalformedPacketException e) {
            discarding = true;
            in.skipBytes(in.readableBytes());
            out.add(e);
        }
    }
}
