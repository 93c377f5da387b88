package io.ternmq.transport;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.ContinuationWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.util.ReferenceCountUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands the payload of binary WebSocket frames on as a plain byte stream: the MQTT decoder behind it does not care
 * where frames begin, so a packet split over several frames or several packets in one frame both work
 * [MQTT-6.0.0-2]. A text frame closes the connection [MQTT-6.0.0-1]. An HTTP request for another path than
 * {@code /mqtt} (Netty's handshake handler passes those on) gets 404.
 */
final class WebSocketFrameUnwrapper extends ChannelInboundHandlerAdapter {

    private static final Logger log = LoggerFactory.getLogger(WebSocketFrameUnwrapper.class);

    /** Whether the current fragmented message began as text; its continuations must not reach the decoder. */
    private boolean inTextMessage;

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        switch (msg) {
            case BinaryWebSocketFrame binary -> {
                inTextMessage = false;
                ctx.fireChannelRead(binary.content());
            }
            case ContinuationWebSocketFrame continuation when !inTextMessage ->
                    ctx.fireChannelRead(continuation.content());
            case TextWebSocketFrame text -> {
                text.release();
                inTextMessage = true;
                log.debug("{}: text WebSocket frame, closing", SocketAddresses.format(ctx.channel().remoteAddress()));
                ctx.close(); // [MQTT-6.0.0-1]
            }
            case FullHttpRequest request -> {
                request.release();
                var response = new DefaultFullHttpResponse(request.protocolVersion(), HttpResponseStatus.NOT_FOUND,
                        Unpooled.EMPTY_BUFFER);
                response.headers().set(HttpHeaderNames.CONTENT_LENGTH, 0);
                ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
            }
            default -> ReferenceCountUtil.release(msg);
        }
    }
}
