package io.ternmq.transport;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.ternmq.protocol.MqttPacket;
import io.ternmq.protocol.codec.PacketEncoder;

/**
 * Encodes packet records into buffers of exactly their encoded size (no growth, no slack). Anything that is
 * not a packet (the empty buffer that marks a flush-then-close) passes through untouched.
 */
final class MqttPacketEncoder extends ChannelOutboundHandlerAdapter {

    private final PacketEncoder encoder;
    private final NegotiatedVersion version;
    private final TrafficCounters counters;

    MqttPacketEncoder(PacketEncoder encoder, NegotiatedVersion version) {
        this(encoder, version, new TrafficCounters(() -> 0));
    }

    MqttPacketEncoder(PacketEncoder encoder, NegotiatedVersion version, TrafficCounters counters) {
        this.encoder = encoder;
        this.version = version;
        this.counters = counters;
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        if (!(msg instanceof MqttPacket packet)) {
            ctx.write(msg, promise);
            return;
        }
        ByteBuf buffer = null;
        try {
            int size = encoder.encodedSize(packet, version.get());
            buffer = ctx.alloc().ioBuffer(size, size);
            encoder.encode(packet, version.get(), buffer);
            assert buffer.readableBytes() == size : packet.type() + " encoded to " + buffer.readableBytes()
                    + " bytes, encodedSize said " + size;
        } catch (RuntimeException e) {
            if (buffer != null) {
                buffer.release();
            }
            promise.tryFailure(e);
            return;
        }
        counters.sent(packet.type(), buffer.readableBytes());
        ctx.write(buffer, promise);
    }
}
