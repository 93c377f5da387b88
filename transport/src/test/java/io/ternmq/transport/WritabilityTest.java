package io.ternmq.transport;

import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.ternmq.core.ClientChannel;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The core learns when a connection's outbound buffer crosses the water marks it set from the client's budget. */
class WritabilityTest {

    private final RecordingAcceptor core = new RecordingAcceptor();
    private final EmbeddedChannel channel = new EmbeddedChannel(new ConnectionHandler(core, null));

    @Test
    void outboundHighWaterMark_bufferAboveIt_congestedThenWritableOnceWritten() {
        core.only().channel.outboundHighWaterMark(1024);
        channel.runPendingTasks();

        channel.write(Unpooled.buffer(2048).writeZero(2048));
        assertThat(core.only().writability).containsExactly(ClientChannel.WriteState.CONGESTED);

        channel.flush();
        assertThat(core.only().writability)
                .containsExactly(ClientChannel.WriteState.CONGESTED, ClientChannel.WriteState.WRITABLE);
        channel.releaseOutbound();
    }

    @Test
    void outboundHighWaterMark_lowWaterMarkIsHalf() {
        core.only().channel.outboundHighWaterMark(1024);
        channel.runPendingTasks();

        assertThat(channel.config().getWriteBufferHighWaterMark()).isEqualTo(1024);
        assertThat(channel.config().getWriteBufferLowWaterMark()).isEqualTo(512);
    }
}
