package io.ternmq.transport;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.ternmq.protocol.MqttPacket;
import io.ternmq.protocol.ProtocolVersion;
import io.ternmq.protocol.codec.PacketEncoder;

import java.util.List;

/**
 * Encodes packet records into buffers of exactly their encoded size (no growth, no slack); the packets of a
 * {@link PacketBatch} share buffers of up to {@link #COALESCE_LIMIT} bytes. Anything that is not a packet (the
 * empty buffer that marks a flush-then-close) passes through untouched.
 */
final class MqttPacketEncoder extends ChannelOutboundHandlerAdapter {

    /**
     * Most bytes of a batch in one buffer. Large enough that small packets share a buffer by the hundred; small
     * enough that behind WebSocket (one frame per buffer) no client's frame limit (often 64 KiB) is reached by
     * packets that each fit.
     */
    static final int COALESCE_LIMIT = 16 * 1024;

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
        if (msg instanceof MqttPacket packet) {
            writeOne(ctx, packet, promise);
        } else if (msg instanceof PacketBatch batch) {
            writeBatch(ctx, batch.packets(), promise);
        } else {
            ctx.write(msg, promise);
        }
    }

    private void writeOne(ChannelHandlerContext ctx, MqttPacket packet, ChannelPromise promise) {
        ByteBuf buffer = null;
        try {
            int size = encoder.encodedSize(packet, version.get());
            buffer = ctx.alloc().ioBuffer(size, size);
            encode(packet, size, buffer);
        } catch (RuntimeException e) {
            if (buffer != null) {
                buffer.release();
            }
            promise.tryFailure(e);
            return;
        }
        ctx.write(buffer, promise);
    }

    /**
     * Runs of consecutive packets go into one buffer each, up to the limit; a packet larger than the limit gets a
     * buffer of its own. A packet that cannot be encoded fails alone (as its own write would have): the others
     * are still written, in order. The promise completes with the last buffer.
     */
    private void writeBatch(ChannelHandlerContext ctx, List<MqttPacket> packets, ChannelPromise promise) {
        ProtocolVersion protocol = version.get();
        int[] sizes = new int[packets.size()];
        for (int i = 0; i < sizes.length; i++) {
            try {
                sizes[i] = encoder.encodedSize(packets.get(i), protocol);
            } catch (RuntimeException e) {
                sizes[i] = -1;
                ctx.voidPromise().tryFailure(e);
            }
        }
        int start = 0;
        while (start < sizes.length) {
            int total = 0;
            int end = start;
            while (end < sizes.length && (end == start || total + Math.max(sizes[end], 0) <= COALESCE_LIMIT)) {
                total += Math.max(sizes[end], 0);
                end++;
            }
            boolean last = end == sizes.length;
            if (total > 0) {
                ByteBuf buffer = ctx.alloc().ioBuffer(total, total);
                for (int i = start; i < end; i++) {
                    encodeInto(ctx, packets.get(i), sizes[i], buffer);
                }
                ctx.write(buffer, last ? promise : ctx.voidPromise());
            } else if (last) {
                promise.trySuccess();
            }
            start = end;
        }
    }

    /** Encodes one packet of a batch; if it fails, its partial bytes are cut off and the failure reported. */
    private void encodeInto(ChannelHandlerContext ctx, MqttPacket packet, int size, ByteBuf buffer) {
        if (size < 0) {
            return; // its size already failed and was reported
        }
        int mark = buffer.writerIndex();
        try {
            encode(packet, size, buffer);
        } catch (RuntimeException e) {
            buffer.writerIndex(mark);
            ctx.voidPromise().tryFailure(e);
        }
    }

    private void encode(MqttPacket packet, int size, ByteBuf buffer) {
        int before = buffer.writerIndex();
        encoder.encode(packet, version.get(), buffer);
        assert buffer.writerIndex() - before == size : packet.type() + " encoded to " + (buffer.writerIndex() - before)
                + " bytes, encodedSize said " + size;
        counters.sent(packet.type(), size);
    }
}
