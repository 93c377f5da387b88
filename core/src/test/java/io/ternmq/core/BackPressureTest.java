package io.ternmq.core;

import io.ternmq.core.ClientChannel.ReadState;
import io.ternmq.core.TestBroker.SessionMode;
import io.ternmq.protocol.Pingreq;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BackPressureTest {

    private final TestBroker broker = new TestBroker();

    @Test
    void sessionThreadBehind_reachesPauseMark_readingPausedThenResumedWhenCaughtUp() {
        TestClient client = broker.connected("c1", SessionMode.CLEAN);

        for (int i = 0; i < InboundBackPressure.PAUSE_AT - 1; i++) {
            client.connection().onPacket(Pingreq.INSTANCE); // the IO thread hands over; nobody runs it yet
        }
        assertThat(client.channel().readState()).isEqualTo(ReadState.READING);
        client.connection().onPacket(Pingreq.INSTANCE);
        assertThat(client.channel().readState()).isEqualTo(ReadState.PAUSED);

        broker.drain();

        assertThat(client.channel().readState()).isEqualTo(ReadState.READING);
        assertThat(client.take()).hasSize(InboundBackPressure.PAUSE_AT);
    }

    @Test
    void backPressure_pausedThenDrainedToResumeMark_resumesExactlyThere() {
        FakeChannel channel = new FakeChannel("peer");
        InboundBackPressure pressure = new InboundBackPressure(channel);
        for (int i = 0; i < InboundBackPressure.PAUSE_AT; i++) {
            pressure.posted();
        }
        assertThat(channel.readState()).isEqualTo(ReadState.PAUSED);

        for (int i = InboundBackPressure.PAUSE_AT; i > InboundBackPressure.RESUME_AT + 1; i--) {
            pressure.handled();
        }
        assertThat(channel.readState()).isEqualTo(ReadState.PAUSED);
        pressure.handled();
        assertThat(channel.readState()).isEqualTo(ReadState.READING);
    }
}
