package io.ternmq.core;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The bytes of PUBLISH packets read but not yet handled count against the client's budget and the broker's. */
class InboundBytesTest {

    private final FakeChannel channel = new FakeChannel("peer");
    private final MemoryBudget budget = new MemoryBudget(new MemoryLimits(1L << 30, 1_000,
            new SlowConsumerRules(SlowConsumerPolicy.DROP_OLDEST, Map.of(), List.of())));
    private final InboundBackPressure pressure = new InboundBackPressure(channel, budget,
            new SessionThread(0, Runnable::run));

    @Test
    void posted_bytesReachTheClientBudget_readingPausedUntilAQuarterIsLeft() {
        pressure.posted(600);
        assertThat(channel.readState()).isEqualTo(ClientChannel.ReadState.READING);

        pressure.posted(600);
        assertThat(channel.readState()).isEqualTo(ClientChannel.ReadState.PAUSED);
        assertThat(budget.usedBytes()).isEqualTo(1_200);

        pressure.handled(600);
        assertThat(channel.readState()).as("600 left, more than a quarter").isEqualTo(ClientChannel.ReadState.PAUSED);

        pressure.handled(600);
        assertThat(channel.readState()).isEqualTo(ClientChannel.ReadState.READING);
        assertThat(budget.usedBytes()).isZero();
    }

    @Test
    void holdForMemory_releasedOnlyWhenTheBudgetRecovers() {
        pressure.holdForMemory();
        assertThat(channel.readState()).isEqualTo(ClientChannel.ReadState.PAUSED);

        pressure.releaseMemory();

        assertThat(channel.readState()).isEqualTo(ClientChannel.ReadState.READING);
    }
}
