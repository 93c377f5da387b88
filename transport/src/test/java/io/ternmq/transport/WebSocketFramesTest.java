package io.ternmq.transport;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.ContinuationWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class WebSocketFramesTest {

    private static ByteBuf bytes(int... values) {
        ByteBuf buffer = Unpooled.buffer();
        for (int value : values) {
            buffer.writeByte(value);
        }
        return buffer;
    }

    @Test
    void unwrapper_binaryAndContinuationFrames_passTheirBytesOn() {
        var channel = new EmbeddedChannel(new WebSocketFrameUnwrapper());

        channel.writeInbound(new BinaryWebSocketFrame(false, 0, bytes(0xC0)));
        channel.writeInbound(new ContinuationWebSocketFrame(true, 0, bytes(0x00)));

        ByteBuf first = channel.readInbound();
        ByteBuf second = channel.readInbound();
        assertThat(first.readUnsignedByte()).isEqualTo((short) 0xC0);
        assertThat(second.readUnsignedByte()).isEqualTo((short) 0x00);
        first.release();
        second.release();
        assertThat(channel.isOpen()).isTrue();
    }

    @Test
    void unwrapper_textFrame_closesAndReleasesIt() {
        // [MQTT-6.0.0-1]
        var channel = new EmbeddedChannel(new WebSocketFrameUnwrapper());
        var text = new TextWebSocketFrame("hello");

        channel.writeInbound(text);

        assertThat(channel.isOpen()).isFalse();
        assertThat(text.refCnt()).isZero();
        assertThat((Object) channel.readInbound()).isNull();
    }

    @Test
    void unwrapper_httpRequestForAnotherPath_gets404AndClose() {
        var channel = new EmbeddedChannel(new WebSocketFrameUnwrapper());

        channel.writeInbound(new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET, "/other"));

        FullHttpResponse response = channel.readOutbound();
        assertThat(response.status()).isEqualTo(HttpResponseStatus.NOT_FOUND);
        response.release();
        assertThat(channel.isOpen()).isFalse();
    }

    @Test
    void wrapper_encodedPacket_becomesOneBinaryFrame() {
        var channel = new EmbeddedChannel(new WebSocketFrameWrapper());

        channel.writeOutbound(bytes(0xD0, 0x00));

        BinaryWebSocketFrame frame = channel.readOutbound();
        assertThat(frame.content().readableBytes()).isEqualTo(2);
        frame.release();
    }

    @Test
    void wrapper_emptyBuffer_passesUnframed() {
        var channel = new EmbeddedChannel(new WebSocketFrameWrapper());

        channel.writeOutbound(Unpooled.EMPTY_BUFFER);

        assertThat((Object) channel.readOutbound()).isSameAs(Unpooled.EMPTY_BUFFER);
    }
}
