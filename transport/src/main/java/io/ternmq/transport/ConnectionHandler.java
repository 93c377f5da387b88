package io.ternmq.transport;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.DecoderException;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.util.ReferenceCountUtil;
import io.ternmq.core.ClientChannel;
import io.ternmq.core.MqttConnection;
import io.ternmq.protocol.MalformedPacketException;
import io.ternmq.protocol.MqttPacket;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.net.ssl.SSLException;
import java.io.IOException;

/**
 * The last inbound handler: bridges one channel to its {@link MqttConnection} in the core. Everything here runs
 * on the channel's IO thread; the core's methods hand work to session threads and return at once.
 */
final class ConnectionHandler extends ChannelInboundHandlerAdapter {

    private static final Logger log = LoggerFactory.getLogger(ConnectionHandler.class);

    private final ConnectionAcceptor acceptor;
    private final @Nullable LoopBalancer balancer;
    private @Nullable NettyClientChannel clientChannel;
    private @Nullable MqttConnection connection;
    private boolean closeReported;
    private boolean failureLogged;

    ConnectionHandler(ConnectionAcceptor acceptor, @Nullable LoopBalancer balancer) {
        this.acceptor = acceptor;
        this.balancer = balancer;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        try {
            NettyClientChannel created = new NettyClientChannel(ctx.channel(), balancer);
            clientChannel = created;
            connection = acceptor.accept(created);
        } catch (RuntimeException e) {
            log.warn("{}: the broker refused the connection", remote(ctx), e);
            ctx.close();
            return;
        }
        ctx.fireChannelActive();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        MqttConnection target = connection;
        if (target == null) {
            ReferenceCountUtil.release(msg);
            return;
        }
        switch (msg) {
            case MqttPacket packet -> target.onPacket(packet);
            case MalformedPacketException error -> target.onMalformedPacket(error);
            default -> ReferenceCountUtil.release(msg);
        }
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
        MqttConnection target = connection;
        if (event == IdleStateEvent.FIRST_READER_IDLE_STATE_EVENT && target != null) {
            target.onKeepAliveTimeout();
            return;
        }
        if (event == NettyClientChannel.BalancedMove.INSTANCE) {
            if (target != null) {
                target.onMovedByBalancing();
            }
            return;
        }
        ctx.fireUserEventTriggered(event);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        // Resets and broken pipes are routine on the internet: one debug line per connection, then close.
        // A failed TLS handshake (unknown CA, no certificate where one is required) is as routine.
        // Malformed input never gets here (the decoder hands it to the core), so anything else is a broker bug
        // and deserves a warning with its stack trace.
        if (!failureLogged) {
            failureLogged = true;
            if (cause instanceof IOException
                    || cause instanceof DecoderException && cause.getCause() instanceof SSLException) {
                log.debug("{}: closing after network error: {}", remote(ctx), cause.toString());
            } else {
                log.warn("{}: closing after unexpected error", remote(ctx), cause);
            }
        }
        ctx.close();
    }

    /** The outbound buffer crossed a water mark: the core holds QoS 0 messages while the client reads slowly. */
    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        MqttConnection target = connection;
        if (target != null) {
            target.onWritabilityChanged(ctx.channel().isWritable()
                    ? ClientChannel.WriteState.WRITABLE : ClientChannel.WriteState.CONGESTED);
        }
        ctx.fireChannelWritabilityChanged();
    }

    /**
     * A channel that closes while it moves to its session's loop is unregistered before Netty fires its
     * channelInactive, and Netty then removes every handler, this one too: the close is reported here instead.
     */
    @Override
    public void channelUnregistered(ChannelHandlerContext ctx) {
        if (!ctx.channel().isOpen()) {
            reportClosed();
        }
        ctx.fireChannelUnregistered();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        reportClosed();
        ctx.fireChannelInactive();
    }

    private void reportClosed() {
        NettyClientChannel created = clientChannel;
        if (created != null) {
            created.leaveLoad();
        }
        MqttConnection target = connection;
        if (target != null && !closeReported) {
            closeReported = true;
            target.onChannelClosed();
        }
    }

    private static String remote(ChannelHandlerContext ctx) {
        return SocketAddresses.format(ctx.channel().remoteAddress());
    }
}
