package io.ternmq.bench;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.ServerChannel;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;

import java.nio.channels.spi.SelectorProvider;

/** Epoll where its native library loads (Linux), NIO elsewhere; many connections share each event loop. */
record EventLoopKind(IoHandlerFactory factory, Class<? extends SocketChannel> channelType,
                     Class<? extends ServerChannel> serverChannelType, String name) {

    static EventLoopKind best() {
        return best(false);
    }

    /** @param busyPoll loops that never sleep ({@link BusyPollStrategy}): only where each has a core to itself */
    static EventLoopKind best(boolean busyPoll) {
        if (Epoll.isAvailable()) {
            return new EventLoopKind(busyPoll ? EpollIoHandler.newFactory(0, BusyPollStrategy.FACTORY)
                    : EpollIoHandler.newFactory(), EpollSocketChannel.class, EpollServerSocketChannel.class, "epoll");
        }
        return new EventLoopKind(busyPoll ? NioIoHandler.newFactory(SelectorProvider.provider(),
                BusyPollStrategy.FACTORY) : NioIoHandler.newFactory(), NioSocketChannel.class,
                NioServerSocketChannel.class, "nio");
    }

    EventLoopGroup group(int threads, String threadName) {
        return new MultiThreadIoEventLoopGroup(threads, new DefaultThreadFactory(threadName, true), factory);
    }
}
