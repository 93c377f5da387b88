package io.ternmq.transport;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;

/**
 * First in a connection's pipeline while the IO loops are balanced ({@link LoopBalancer}): the time its loop spends
 * on what the connection read, from decryption and decoding to the session work that runs inline, plus what
 * {@link NettyClientChannel} adds for its writes. Timed per read, not per packet: a read carries many packets
 * from a busy client, so the two clock reads cost little where it matters. Loop only.
 */
final class LoadMeter extends ChannelInboundHandlerAdapter {

    private long periodNanos;

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        long start = System.nanoTime();
        ctx.fireChannelRead(msg);
        periodNanos += System.nanoTime() - start;
    }

    /** Where the acknowledgements a read produced are flushed. */
    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        long start = System.nanoTime();
        ctx.fireChannelReadComplete();
        periodNanos += System.nanoTime() - start;
    }

    void add(long nanos) {
        periodNanos += nanos;
    }

    /** The time measured since the last call. */
    long takePeriodNanos() {
        long nanos = periodNanos;
        periodNanos = 0;
        return nanos;
    }
}
