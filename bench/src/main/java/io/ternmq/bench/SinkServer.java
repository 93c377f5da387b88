package io.ternmq.bench;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.handler.codec.ByteToMessageDecoder;
import org.jspecify.annotations.Nullable;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * The generator's ceiling gauge: the least an MQTT endpoint can do. It answers CONNECT, SUBSCRIBE and the
 * publisher's side of QoS 1/2, and forwards each PUBLISH frame unchanged (a retained slice, no decoding) to
 * the channels subscribed to its topic exactly or to a filter ending in a wildcard after a matching prefix.
 * Everything runs on one event loop, so the routing table needs no locks. Not a broker: no sessions, no
 * retransmission, and a subscriber that cannot keep up simply misses messages.
 */
final class SinkServer implements AutoCloseable {

    private final EventLoopGroup group;
    private final Channel server;
    private final Map<String, List<Channel>> exact = new HashMap<>();
    private final Map<String, List<Channel>> prefixes = new HashMap<>();
    private final Set<Channel> unflushed = new LinkedHashSet<>();

    private SinkServer(int port) throws InterruptedException {
        EventLoopKind kind = EventLoopKind.best();
        group = kind.group(1, "bench-sink");
        server = new ServerBootstrap().group(group).channel(kind.serverChannelType())
                .childHandler(new ChannelInitializer<>() {
                    @Override
                    protected void initChannel(Channel channel) {
                        channel.pipeline().addLast(new Frames());
                    }
                }).bind(port).sync().channel();
    }

    static SinkServer start(int port) throws InterruptedException {
        return new SinkServer(port);
    }

    int port() {
        return ((InetSocketAddress) server.localAddress()).getPort();
    }

    @Override
    public void close() {
        server.close().awaitUninterruptibly();
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly();
    }

    private final class Frames extends ByteToMessageDecoder {

        @Override
        protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
            while (true) {
                int start = in.readerIndex();
                int length = 0;
                int index = 1;
                int digit;
                do {
                    if (index >= in.readableBytes()) {
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
                onFrame(ctx.channel(), in, in.getUnsignedByte(start), start, start + index, end);
                in.readerIndex(end);
            }
        }

        private void onFrame(Channel channel, ByteBuf in, int first, int start, int body, int end) {
            switch (first >>> 4) {
                case 1 -> reply(channel, 0x20, 0); // CONNECT -> CONNACK accepted
                case 3 -> onPublish(channel, in, first, start, body, end);
                case 6 -> reply(channel, 0x70, in.getUnsignedShort(body)); // PUBREL -> PUBCOMP
                case 8 -> onSubscribe(channel, in, body, end);
                case 12 -> reply(channel, 0xD0, -1); // PINGREQ -> PINGRESP
                case 14 -> channel.close();
                default -> { } // the subscribers' acknowledgements: nothing is tracked
            }
        }

        private void onPublish(Channel channel, ByteBuf in, int first, int start, int body, int end) {
            int topicLength = in.getUnsignedShort(body);
            String topic = in.toString(body + 2, topicLength, StandardCharsets.UTF_8);
            int qos = (first >>> 1) & 3;
            if (qos > 0) {
                reply(channel, qos == 1 ? 0x40 : 0x50, in.getUnsignedShort(body + 2 + topicLength));
            }
            forward(exact.get(topic), in, start, end);
            int slash = topic.lastIndexOf('/');
            if (slash >= 0) {
                forward(prefixes.get(topic.substring(0, slash + 1)), in, start, end);
            }
        }

        private void forward(@Nullable List<Channel> targets, ByteBuf in, int start, int end) {
            if (targets == null) {
                return;
            }
            for (Channel target : targets) {
                if (!target.isWritable()) {
                    target.flush(); // hand what is pending to the socket before giving up on this copy
                }
                if (target.isWritable()) {
                    target.write(in.retainedSlice(start, end - start), target.voidPromise());
                    unflushed.add(target);
                }
            }
        }

        private void onSubscribe(Channel channel, ByteBuf in, int body, int end) {
            int packetId = in.getUnsignedShort(body);
            List<Integer> granted = new ArrayList<>();
            int at = body + 2;
            while (at < end) {
                int length = in.getUnsignedShort(at);
                String filter = in.toString(at + 2, length, StandardCharsets.UTF_8);
                granted.add((int) in.getUnsignedByte(at + 2 + length));
                at += 3 + length;
                boolean wildcard = filter.endsWith("/+") || filter.endsWith("/#");
                (wildcard ? prefixes : exact).computeIfAbsent(wildcard ? filter.substring(0, filter.length() - 1)
                        : filter, f -> new ArrayList<>()).add(channel);
            }
            ByteBuf suback = channel.alloc().ioBuffer(4 + granted.size());
            suback.writeByte(0x90).writeByte(2 + granted.size()).writeShort(packetId);
            granted.forEach(suback::writeByte);
            channel.write(suback, channel.voidPromise());
            unflushed.add(channel);
        }

        /** A 2-byte packet (id &lt; 0) or a 4-byte one carrying a packet id (CONNACK uses 0: flags and code 0). */
        private void reply(Channel channel, int firstByte, int packetId) {
            ByteBuf reply = channel.alloc().ioBuffer(4);
            reply.writeByte(firstByte).writeByte(packetId < 0 ? 0 : 2);
            if (packetId >= 0) {
                reply.writeShort(packetId);
            }
            channel.write(reply, channel.voidPromise());
            unflushed.add(channel);
        }

        @Override
        public void channelReadComplete(ChannelHandlerContext ctx) throws Exception {
            unflushed.forEach(Channel::flush);
            unflushed.clear();
            super.channelReadComplete(ctx);
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) throws Exception {
            Channel gone = ctx.channel();
            exact.values().forEach(list -> list.remove(gone));
            prefixes.values().forEach(list -> list.remove(gone));
            unflushed.remove(gone);
            super.channelInactive(ctx);
        }
    }
}
