package io.ternmq.transport;

import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.timeout.IdleStateEvent;
import io.ternmq.protocol.MalformedPacketException;
import io.ternmq.protocol.Pingreq;
import io.ternmq.protocol.ReasonCode;
import org.junit.jupiter.api.Test;

import java.io.IOException;

import static org.assertj.core.api.Assertions.assertThat;

class ConnectionHandlerTest {

    private final RecordingAcceptor core = new RecordingAcceptor();
    private final EmbeddedChannel channel = new EmbeddedChannel(new ConnectionHandler(core, null));

    @Test
    void channelActive_newChannel_isAcceptedByTheCore() {
        assertThat(core.connections).hasSize(1);
    }

    @Test
    void channelRead_packet_reachesOnPacket() {
        channel.writeInbound(new Pingreq());

        assertThat(core.only().packets).containsExactly(new Pingreq());
    }

    @Test
    void channelRead_malformedError_reachesOnMalformedPacket() {
        var error = new MalformedPacketException(ReasonCode.PACKET_TOO_LARGE, "too large");

        channel.writeInbound(error);

        assertThat(core.only().malformed).containsExactly(error);
    }

    @Test
    void userEvent_firstReaderIdle_reachesOnKeepAliveTimeout() {
        channel.pipeline().fireUserEventTriggered(IdleStateEvent.FIRST_READER_IDLE_STATE_EVENT);

        assertThat(core.only().keepAliveTimeouts).hasValue(1);
    }

    @Test
    void channelInactive_firedTwice_reportsClosedExactlyOnce() {
        channel.close();
        channel.pipeline().fireChannelInactive();

        assertThat(core.only().closes).hasValue(1);
    }

    @Test
    void exceptionCaught_ioError_closesTheChannelAndReportsClosed() {
        channel.pipeline().fireExceptionCaught(new IOException("Connection reset by peer"));

        assertThat(channel.isOpen()).isFalse();
        assertThat(core.only().closes).hasValue(1);
    }

    @Test
    void channelActive_coreRefuses_closesTheChannel() {
        ConnectionAcceptor refusing = connection -> {
            throw new IllegalStateException("shutting down");
        };

        var refused = new EmbeddedChannel(new ConnectionHandler(refusing, null));

        assertThat(refused.isOpen()).isFalse();
    }
}
