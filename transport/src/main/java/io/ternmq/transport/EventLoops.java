package io.ternmq.transport;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.ServerChannel;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.uring.IoUring;
import io.netty.channel.uring.IoUringIoHandler;
import io.netty.channel.uring.IoUringServerSocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.ThreadAwareExecutor;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The server's threads: one acceptor ("boss") thread and the IO workers, on epoll where the native library
 * loads (Linux) and on NIO elsewhere; io_uring when asked for with {@link IoEngine#PROPERTY} and the kernel
 * offers it. With idle timing, each worker loop also measures how long it waits for work ({@link IdleTimingIoHandler}).
 */
record EventLoops(EventLoopGroup boss, EventLoopGroup workers, Class<? extends ServerChannel> serverChannelType,
                  String kind, Map<ThreadAwareExecutor, IdleTimingIoHandler> idleTimers) {

    private static final Logger log = LoggerFactory.getLogger(EventLoops.class);

    static EventLoops create(int ioThreads) {
        return create(ioThreads, IoEngine.requested());
    }

    static EventLoops create(int ioThreads, IoEngine requested) {
        return create(ioThreads, requested, false);
    }

    static EventLoops create(int ioThreads, IoEngine requested, boolean timeIdle) {
        if (requested == IoEngine.IO_URING) {
            if (IoUring.isAvailable()) {
                log.info("IO transport: io_uring");
                return create(IoUringIoHandler.newFactory(), IoUringServerSocketChannel.class, ioThreads, "io_uring",
                        timeIdle);
            }
            log.warn("io_uring requested but unavailable ({}); using the default transport",
                    String.valueOf(IoUring.unavailabilityCause()));
        }
        if (requested != IoEngine.NIO && Epoll.isAvailable()) {
            return create(EpollIoHandler.newFactory(), EpollServerSocketChannel.class, ioThreads, "epoll", timeIdle);
        }
        return create(NioIoHandler.newFactory(), NioServerSocketChannel.class, ioThreads, "nio", timeIdle);
    }

    private static EventLoops create(IoHandlerFactory factory, Class<? extends ServerChannel> type, int ioThreads,
                                     String kind, boolean timeIdle) {
        Map<ThreadAwareExecutor, IdleTimingIoHandler> idleTimers = new HashMap<>(); // filled as the group is built
        var boss = new MultiThreadIoEventLoopGroup(1, new DefaultThreadFactory("ternmq-accept"), factory);
        var workers = new MultiThreadIoEventLoopGroup(ioThreads, new DefaultThreadFactory("ternmq-io"),
                timeIdle ? IdleTimingIoHandler.wrap(factory, idleTimers) : factory);
        return new EventLoops(boss, workers, type, kind, Map.copyOf(idleTimers));
    }

    /** The idle timer of worker {@code loop}; null without idle timing. */
    @Nullable IdleTimingIoHandler idleTimer(ThreadAwareExecutor loop) {
        return idleTimers.get(loop);
    }

    /** Stops both groups without a quiet period (channels are closed first) and waits for them. */
    void shutdown() {
        var bossDone = boss.shutdownGracefully(0, 2, TimeUnit.SECONDS);
        var workersDone = workers.shutdownGracefully(0, 2, TimeUnit.SECONDS);
        bossDone.awaitUninterruptibly();
        workersDone.awaitUninterruptibly();
    }
}
