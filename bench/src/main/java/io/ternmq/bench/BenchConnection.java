package io.ternmq.bench;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.ternmq.protocol.Connack;
import io.ternmq.protocol.MqttPacket;
import io.ternmq.protocol.ProtocolVersion;
import io.ternmq.protocol.Suback;
import io.ternmq.protocol.codec.PacketDecoder;
import org.jspecify.annotations.Nullable;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.LongAdder;

/**
 * One MQTT 3.1.1 connection of the generator, living on one event loop. CONNACK and SUBACK go through the
 * project's decoder; PUBLISH and the acknowledgements, the hot path, are read in place from the frame (no
 * allocation per message) and answered with 4-byte acks gathered into one buffer per read batch, written and
 * flushed once: a buffer, a write and a flush per ack cost the generator more than reading the PUBLISH.
 */
final class BenchConnection extends ByteToMessageDecoder {

    /** What the owner of a connection hears; called on its event loop. */
    interface Listener {

        /** A connection that only connects (idle connections, session clean-up). */
        Listener IDLE = new Listener() {
        };

        /** A PUBLISH arrived (already acknowledged); {@code stamp} is its first 8 payload bytes. */
        default void onPublish(long stamp) {
        }

        /** A PUBACK (QoS 1) or PUBCOMP (QoS 2) ended one of our publications. */
        default void onAcknowledged() {
        }

        /** The channel can take writes again. */
        default void onWritable() {
        }
    }

    private static final int PUBLISH = 3;
    private static final int PUBACK = 4;
    private static final int PUBREC = 5;
    private static final int PUBREL = 6;
    private static final int PUBCOMP = 7;
    /** Acks gathered before a buffer is written out: 64 of 4 bytes. */
    private static final int ACK_BUFFER_BYTES = 256;

    private final PacketDecoder decoder = new PacketDecoder(1024);
    private final Listener listener;
    private final LongAdder errors;
    final CompletableFuture<BenchConnection> connected = new CompletableFuture<>();
    final CompletableFuture<BenchConnection> subscribed = new CompletableFuture<>();
    private @Nullable Channel channel;
    private volatile boolean closing;
    private @Nullable ByteBuf acks;
    private boolean unflushed;

    BenchConnection(Listener listener, LongAdder errors) {
        this.listener = listener;
        this.errors = errors;
    }

    /** Who hears this connection's publishes and acknowledgements. */
    Listener listener() {
        return listener;
    }

    Channel channel() {
        Channel current = channel;
        if (current == null) {
            throw new IllegalStateException("not connected yet");
        }
        return current;
    }

    /**
     * Reads nothing more, keeping the connection open: a subscriber that stopped reading. Turning auto-read off is
     * not enough while this decoder is in the pipeline (a decoder that emits nothing asks for the next read
     * itself), so it leaves the pipeline first; the connection's end is then no longer counted.
     */
    void stopReading() {
        Channel current = channel();
        current.eventLoop().execute(() -> {
            current.config().setAutoRead(false);
            if (current.pipeline().context(this) != null) {
                current.pipeline().remove(this);
            }
        });
    }

    /** Closes without counting it as an error. */
    void close() {
        closing = true;
        if (channel != null) {
            channel.close();
        }
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        channel = ctx.channel();
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        while (true) {
            int start = in.readerIndex();
            int available = in.readableBytes();
            int length = 0;
            int index = 1;
            int digit;
            do {
                if (index >= available) {
                    return;
                }
                digit = in.getUnsignedByte(start + index);
                length |= (digit & 0x7F) << (7 * (index - 1));
                index++;
            } while ((digit & 0x80) != 0 && index <= 4);
            int end = start + index + length;
            if (end > in.writerIndex()) {
                return;
            }
            int first = in.getUnsignedByte(start);
            if (first >>> 4 == PUBLISH) {
                onPublish(ctx, in, first, start + index, end);
                in.readerIndex(end);
            } else if (length == 2 && first >>> 4 >= PUBACK && first >>> 4 <= PUBCOMP) {
                onAck(ctx, first >>> 4, in.getUnsignedShort(start + index));
                in.readerIndex(end);
            } else {
                MqttPacket packet = decoder.decode(in, ProtocolVersion.MQTT_3_1_1);
                if (packet != null) {
                    onControlPacket(packet);
                }
            }
        }
    }

    private void onPublish(ChannelHandlerContext ctx, ByteBuf in, int first, int body, int end) {
        int qos = (first >>> 1) & 3;
        int topicEnd = body + 2 + in.getUnsignedShort(body);
        int payload = qos == 0 ? topicEnd : topicEnd + 2;
        if (qos == 1) {
            writeAck(ctx, PUBACK << 4, in.getUnsignedShort(topicEnd));
        } else if (qos == 2) {
            writeAck(ctx, PUBREC << 4, in.getUnsignedShort(topicEnd));
        }
        listener.onPublish(end - payload >= Long.BYTES ? in.getLong(payload) : 0);
    }

    private void onAck(ChannelHandlerContext ctx, int type, int packetId) {
        switch (type) {
            case PUBACK, PUBCOMP -> listener.onAcknowledged();
            case PUBREC -> writeAck(ctx, (PUBREL << 4) | 0b0010, packetId); // PUBREL's fixed flags are 0010
            case PUBREL -> writeAck(ctx, PUBCOMP << 4, packetId);
            default -> throw new IllegalStateException("not an acknowledgement: " + type);
        }
    }

    private void onControlPacket(MqttPacket packet) {
        switch (packet) {
            case Connack connack when connack.returnCode() == 0 -> connected.complete(this);
            case Connack connack -> fail("CONNACK refused: " + connack.returnCode());
            case Suback suback when suback.returnCodes().contains(0x80) -> fail("SUBACK refused the filter");
            case Suback suback -> subscribed.complete(this);
            default -> { } // PINGRESP and the like need no answer
        }
    }

    private void writeAck(ChannelHandlerContext ctx, int firstByte, int packetId) {
        ByteBuf pending = acks;
        if (pending == null) {
            pending = ctx.alloc().ioBuffer(ACK_BUFFER_BYTES, ACK_BUFFER_BYTES);
            acks = pending;
        }
        pending.writeByte(firstByte).writeByte(2).writeShort(packetId);
        if (!pending.isWritable(4)) {
            ctx.write(pending, ctx.voidPromise());
            acks = null;
            unflushed = true;
        }
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) throws Exception {
        ByteBuf pending = acks;
        if (pending != null) {
            acks = null;
            ctx.write(pending, ctx.voidPromise());
            unflushed = true;
        }
        if (unflushed) {
            unflushed = false;
            ctx.flush();
        }
        super.channelReadComplete(ctx);
    }

    @Override
    protected void handlerRemoved0(ChannelHandlerContext ctx) {
        ByteBuf pending = acks;
        if (pending != null) {
            acks = null;
            pending.release();
        }
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) throws Exception {
        if (ctx.channel().isWritable()) {
            listener.onWritable();
        }
        super.channelWritabilityChanged(ctx);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        if (!closing) {
            fail("connection closed by the broker");
        }
        super.channelInactive(ctx);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        fail(cause.toString());
        ctx.close();
    }

    private void fail(String reason) {
        errors.increment();
        IllegalStateException error = new IllegalStateException(reason);
        connected.completeExceptionally(error);
        subscribed.completeExceptionally(error);
        closing = true;
        if (channel != null) {
            channel.close();
        }
    }
}
