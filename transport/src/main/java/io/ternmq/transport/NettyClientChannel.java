package io.ternmq.transport;

import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.timeout.IdleStateHandler;
import io.ternmq.core.ClientChannel;
import io.ternmq.core.ListenerIdentity;
import io.ternmq.protocol.MqttPacket;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * The core's handle on one Netty channel. Callable from any thread: writes go through Netty's thread-safe
 * {@code writeAndFlush}; pipeline and read-state changes are run on the channel's event loop, where the state
 * below lives.
 * <p>
 * Keep-alive state: {@code keepAlive} is what the core armed ({@link Duration#ZERO} = off). The idle handler is in
 * the pipeline only while armed and reading: while the broker itself pauses reading, the client cannot be
 * blamed for silence, and re-installing a fresh handler on resume restarts the clock.
 */
final class NettyClientChannel implements ClientChannel {

    private static final Logger log = LoggerFactory.getLogger(NettyClientChannel.class);

    /** How long {@link #close()} waits for queued packets to drain to a peer that stopped reading. */
    private static final Duration CLOSE_DRAIN_LIMIT = Duration.ofSeconds(5);

    private final Channel channel;
    private final String remoteAddress;
    private Duration keepAlive = Duration.ZERO;
    private ReadState readState = ReadState.READING;

    NettyClientChannel(Channel channel) {
        this.channel = channel;
        this.remoteAddress = SocketAddresses.format(channel.remoteAddress());
    }

    @Override
    public void send(MqttPacket packet) {
        channel.writeAndFlush(packet, channel.voidPromise());
    }

    @Override
    public void close() {
        if (!channel.isOpen()) {
            return;
        }
        // The empty write completes only after everything queued before it was written, so closing on its
        // completion delivers those packets (e.g. a CONNACK with a refusal) first.
        channel.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
        onEventLoop(() -> {
            var forced = channel.eventLoop().schedule(() -> channel.close(), CLOSE_DRAIN_LIMIT.toNanos(),
                    TimeUnit.NANOSECONDS);
            channel.closeFuture().addListener(future -> forced.cancel(false));
        });
    }

    @Override
    public void keepAliveTimeout(Duration timeout) {
        if (timeout.isNegative()) {
            throw new IllegalArgumentException("keep-alive timeout must not be negative, was " + timeout);
        }
        onEventLoop(() -> {
            keepAlive = timeout;
            installKeepAlive();
        });
    }

    @Override
    public void readPaused(ReadState state) {
        onEventLoop(() -> {
            if (state == readState) {
                return;
            }
            readState = state;
            channel.config().setAutoRead(state == ReadState.READING);
            installKeepAlive();
        });
    }

    @Override
    public String remoteAddress() {
        return remoteAddress;
    }

    /** Set by the listener's pipeline; a channel built outside a listener (tests) is plain TCP. */
    @Override
    public ListenerIdentity listener() {
        ListenerIdentity identity = channel.attr(ListenerAttributes.IDENTITY).get();
        return identity == null ? ListenerIdentity.PLAIN_TCP : identity;
    }

    private void installKeepAlive() {
        ChannelPipeline pipeline = channel.pipeline();
        if (pipeline.get(HandlerNames.KEEP_ALIVE) != null) {
            pipeline.remove(HandlerNames.KEEP_ALIVE);
        }
        if (keepAlive.isZero() || readState == ReadState.PAUSED || pipeline.get(HandlerNames.CONNECTION) == null) {
            return;
        }
        // After the decoder: only whole packets count as activity, as keep-alive is defined on control packets
        // [MQTT-3.1.2-24] (the core arms 1.5 times the client's keep-alive).
        pipeline.addBefore(HandlerNames.CONNECTION, HandlerNames.KEEP_ALIVE,
                new IdleStateHandler(keepAlive.toNanos(), 0, 0, TimeUnit.NANOSECONDS));
    }

    private void onEventLoop(Runnable task) {
        if (channel.eventLoop().inEventLoop()) {
            task.run();
            return;
        }
        try {
            channel.eventLoop().execute(task);
        } catch (RejectedExecutionException e) {
            // The event loop is shutting down with the server; the channel is closed or about to be.
            log.debug("{}: event loop gone, dropping a channel change", remoteAddress);
        }
    }
}
