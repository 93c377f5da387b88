package io.ternmq.transport;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.EventLoop;
import io.netty.util.ReferenceCountUtil;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link IdleTimingIoHandler} around each IO engine's handler (io_uring falls back to epoll where the kernel refuses
 * it): it counts the time its loop waits for work, not the time it works, and leaves the loop's timers and tasks as
 * they were.
 */
class IdleTimingIoHandlerTest {

    private static final long MS = TimeUnit.MILLISECONDS.toNanos(1);

    @ParameterizedTest
    @EnumSource(value = IoEngine.class, names = {"AUTO", "IO_URING", "NIO"})
    void idleNanos_growsWhileTheLoopWaits(IoEngine engine) throws Exception {
        EventLoops loops = EventLoops.create(1, engine, true);
        try {
            EventLoop loop = loops.workers().next();
            IdleTimingIoHandler timer = timerOf(loops, loop);
            long before = loop.submit(timer::idleNanos).get();

            Thread.sleep(200);

            assertThat(loop.submit(timer::idleNanos).get() - before).isBetween(150 * MS, 400 * MS);
        } finally {
            loops.shutdown();
        }
    }

    /** The handler's work on ready IO (here 200 ms in a read) is reported by Netty's handler and not counted. */
    @ParameterizedTest
    @EnumSource(value = IoEngine.class, names = {"AUTO", "IO_URING", "NIO"})
    void idleNanos_doesNotGrowWhileTheLoopWorksOnARead(IoEngine engine) throws Exception {
        EventLoops loops = EventLoops.create(1, engine, true);
        var read = new CompletableFuture<Void>();
        Channel server = new ServerBootstrap().group(loops.boss(), loops.workers()).channel(loops.serverChannelType())
                .childHandler(new ChannelInboundHandlerAdapter() {
                    @Override
                    public void channelRead(ChannelHandlerContext ctx, Object msg) {
                        ReferenceCountUtil.release(msg);
                        spin(200 * MS);
                        read.complete(null);
                    }
                }).bind(InetAddress.getLoopbackAddress(), 0).sync().channel();
        try (Socket client = new Socket(InetAddress.getLoopbackAddress(),
                ((InetSocketAddress) server.localAddress()).getPort())) {
            EventLoop loop = loops.workers().next();
            IdleTimingIoHandler timer = timerOf(loops, loop);
            long before = loop.submit(timer::idleNanos).get();

            client.getOutputStream().write(1);
            read.get(5, TimeUnit.SECONDS);

            assertThat(loop.submit(timer::idleNanos).get() - before).isLessThan(100 * MS);
        } finally {
            server.close().sync();
            loops.shutdown();
        }
    }

    @ParameterizedTest
    @EnumSource(value = IoEngine.class, names = {"AUTO", "IO_URING", "NIO"})
    void scheduledTask_runsOnTimeOnATimedLoop(IoEngine engine) throws Exception {
        EventLoops loops = EventLoops.create(1, engine, true);
        try {
            EventLoop loop = loops.workers().next();
            long scheduled = System.nanoTime();

            long ran = loop.schedule(System::nanoTime, 50, TimeUnit.MILLISECONDS).get(5, TimeUnit.SECONDS);

            assertThat(ran - scheduled).isBetween(50 * MS, 1_000 * MS);
        } finally {
            loops.shutdown();
        }
    }

    @ParameterizedTest
    @EnumSource(value = IoEngine.class, names = {"AUTO", "NIO"})
    void withoutIdleTiming_theHandlersAreNettysOwn(IoEngine engine) {
        EventLoops loops = EventLoops.create(1, engine, false);
        try {
            assertThat(loops.idleTimer(loops.workers().next())).isNull();
        } finally {
            loops.shutdown();
        }
    }

    private static IdleTimingIoHandler timerOf(EventLoops loops, EventLoop loop) {
        IdleTimingIoHandler timer = loops.idleTimer(loop);
        assertThat(timer).as("the worker's handler is timed").isNotNull();
        return timer;
    }

    private static void spin(long nanos) {
        long end = System.nanoTime() + nanos;
        while (System.nanoTime() < end) {
            Thread.onSpinWait();
        }
    }
}
