package io.ternmq.transport;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.ternmq.protocol.Connect;

/**
 * Gives back the connection's place among those waiting for CONNECT once a whole CONNECT is decoded, then steps
 * out of the pipeline. (If the connection closes first, the place is given back by its close.)
 */
final class PendingConnectHandler extends ChannelInboundHandlerAdapter {

    private final PendingConnects.Place place;

    PendingConnectHandler(PendingConnects.Place place) {
        this.place = place;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof Connect) {
            place.release();
            ctx.pipeline().remove(this);
        }
        ctx.fireChannelRead(msg);
    }
}
