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
import io.netty.util.concurrent.DefaultThreadFactory;

import java.util.concurrent.TimeUnit;

/**
 * The server's threads: one acceptor ("boss") thread and the IO workers, on epoll where the native library
 * loads (Linux) and on NIO elsewhere.
 */
record EventLoops(EventLoopGroup boss, EventLoopGroup workers, Class<? extends ServerChannel> serverChannelType,
                  String kind) {

    static EventLoops create(int ioThreads) {
        if (Epoll.isAvailable()) {
            return create(EpollIoHandler.newFactory(), EpollServerSocketChannel.class, ioThreads, "epoll");
        }
        return create(NioIoHandler.newFactory(), NioServerSocketChannel.class, ioThreads, "nio");
    }

    private static EventLoops create(IoHandlerFactory factory, Class<? extends ServerChannel> type, int ioThreads,
                                     String kind) {
        var boss = new MultiThreadIoEventLoopGroup(1, new DefaultThreadFactory("ternmq-accept"), factory);
        var workers = new MultiThreadIoEventLoopGroup(ioThreads, new DefaultThreadFactory("ternmq-io"), factory);
        return new EventLoops(boss, workers, type, kind);
    }

    /** Stops both groups without a quiet period (channels are closed first) and waits for them. */
    void shutdown() {
        var bossDone = boss.shutdownGracefully(0, 2, TimeUnit.SECONDS);
        var workersDone = workers.shutdownGracefully(0, 2, TimeUnit.SECONDS);
        bossDone.awaitUninterruptibly();
        workersDone.awaitUninterruptibly();
    }
}
