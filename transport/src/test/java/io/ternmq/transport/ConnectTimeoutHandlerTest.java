package io.ternmq.transport;

import io.netty.channel.embedded.EmbeddedChannel;
import io.ternmq.protocol.Connect;
import io.ternmq.protocol.Pingreq;
import io.ternmq.protocol.ProtocolVersion;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class ConnectTimeoutHandlerTest {

    private final EmbeddedChannel channel = new EmbeddedChannel(new ConnectTimeoutHandler(Duration.ofSeconds(10)));

    @Test
    void timeout_noConnect_closesTheChannel() {
        channel.advanceTimeBy(10, TimeUnit.SECONDS);
        channel.runScheduledPendingTasks();

        assertThat(channel.isOpen()).isFalse();
    }

    @Test
    void timeout_otherPacketsOnly_stillCloses() {
        channel.writeInbound(new Pingreq());
        channel.advanceTimeBy(10, TimeUnit.SECONDS);
        channel.runScheduledPendingTasks();

        assertThat(channel.isOpen()).isFalse();
    }

    @Test
    void timeout_connectArrivedInTime_keepsTheChannelAndLeavesThePipeline() {
        channel.advanceTimeBy(9, TimeUnit.SECONDS);
        channel.writeInbound(new Connect(ProtocolVersion.MQTT_3_1_1, "c", true, 0, null, null, null));
        channel.advanceTimeBy(10, TimeUnit.SECONDS);
        channel.runScheduledPendingTasks();

        assertThat(channel.isOpen()).isTrue();
        assertThat(channel.pipeline().get(ConnectTimeoutHandler.class)).isNull();
        assertThat((Object) channel.readInbound()).isInstanceOf(Connect.class);
    }
}
