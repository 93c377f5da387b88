package io.ternmq.transport;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import org.jspecify.annotations.Nullable;

/**
 * First in a connection's pipeline while the IO loops are balanced ({@link LoopBalancer}): the time its loop spends
 * on what the connection read, from decryption and decoding to the session work that runs inline, plus what
 * {@link NettyClientChannel} adds for its writes. It times only while its loop weighs handing connections over
 * ({@link Switch}), so that loops whose loads are even pay nothing for it; and then per read, not per packet: a read
 * carries many packets from a busy client, so the two clock reads cost little where it matters. Loop only.
 */
final class LoadMeter extends ChannelInboundHandlerAdapter {

    /** Whether the connections of a loop are timed now; read on that loop's thread. */
    @FunctionalInterface
    interface Switch {
        boolean metering();
    }

    private @Nullable Switch loopSwitch;
    private long periodNanos;

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!on()) {
            ctx.fireChannelRead(msg);
            return;
        }
        long start = System.nanoTime();
        ctx.fireChannelRead(msg);
        periodNanos += System.nanoTime() - start;
    }

    /** Where the acknowledgements a read produced are flushed. */
    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        if (!on()) {
            ctx.fireChannelReadComplete();
            return;
        }
        long start = System.nanoTime();
        ctx.fireChannelReadComplete();
        periodNanos += System.nanoTime() - start;
    }

    /** Times from now on while {@code loopSwitch} says so; never with null (the connection left its loop). */
    void followSwitchOf(@Nullable Switch loopSwitch) {
        this.loopSwitch = loopSwitch;
    }

    /** Whether its loop times its connections now. */
    boolean on() {
        Switch current = loopSwitch;
        return current != null && current.metering();
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
