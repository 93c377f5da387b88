package io.ternmq.transport;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link LoadMeter} in front of a handler that takes a millisecond per read and per read-complete. */
class LoadMeterTest {

    private static final long WORK_NANOS = TimeUnit.MILLISECONDS.toNanos(1);

    private final LoadMeter meter = new LoadMeter();
    private final EmbeddedChannel channel = new EmbeddedChannel(meter, new SlowHandler());
    private boolean loopMetering;

    @AfterEach
    void close() {
        channel.finishAndReleaseAll();
    }

    @Test
    void loopTiming_readsAndReadCompletesAreTimed() {
        meter.followSwitchOf(() -> loopMetering);
        loopMetering = true;

        channel.writeInbound("packet");

        assertThat(meter.takePeriodNanos()).isGreaterThanOrEqualTo(2 * WORK_NANOS);
        assertThat(meter.takePeriodNanos()).as("taken").isZero();
    }

    @Test
    void loopNotTiming_readsPassUntimed() {
        meter.followSwitchOf(() -> loopMetering);

        channel.writeInbound("packet");

        assertThat(meter.takePeriodNanos()).isZero();
        assertThat(channel.<String>readInbound()).as("passed on all the same").isEqualTo("packet");
    }

    @Test
    void connectionLeftItsLoop_readsPassUntimed() {
        meter.followSwitchOf(() -> true);
        meter.followSwitchOf(null);

        channel.writeInbound("packet");

        assertThat(meter.on()).isFalse();
        assertThat(meter.takePeriodNanos()).isZero();
    }

    private static final class SlowHandler extends ChannelInboundHandlerAdapter {

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            LockSupport.parkNanos(WORK_NANOS);
            ctx.fireChannelRead(msg);
        }

        @Override
        public void channelReadComplete(ChannelHandlerContext ctx) {
            LockSupport.parkNanos(WORK_NANOS);
            ctx.fireChannelReadComplete();
        }
    }
}
