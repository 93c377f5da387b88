package io.ternmq.transport;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;

/**
 * Puts each encoded MQTT packet into one binary WebSocket frame. The empty buffer that marks flush-then-close
 * passes unframed: an empty frame would be noise to the client.
 */
final class WebSocketFrameWrapper extends ChannelOutboundHandlerAdapter {

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        if (msg instanceof ByteBuf bytes && bytes.isReadable()) {
            ctx.write(new BinaryWebSocketFrame(bytes), promise);
            return;
        }
        ctx.write(msg, promise);
    }
}
