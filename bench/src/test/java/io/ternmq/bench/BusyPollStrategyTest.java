package io.ternmq.bench;

import io.netty.channel.SelectStrategy;
import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class BusyPollStrategyTest {

    private final SelectStrategy strategy = BusyPollStrategy.FACTORY.newSelectStrategy();

    @Test
    void calculateStrategy_socketsReady_handsTheirCountToTheLoop() throws Exception {
        assertThat(strategy.calculateStrategy(() -> 3, false)).isEqualTo(3);
        assertThat(strategy.calculateStrategy(() -> 1, true)).isEqualTo(1);
    }

    @Test
    void calculateStrategy_nothingReadyNorQueued_goesRoundAgainInsteadOfSleeping() throws Exception {
        assertThat(strategy.calculateStrategy(() -> 0, false)).isEqualTo(SelectStrategy.CONTINUE);
    }

    @Test
    void calculateStrategy_nothingReadyButTasksQueued_letsTheLoopRunThem() throws Exception {
        assertThat(strategy.calculateStrategy(() -> 0, true)).isZero();
    }

    @Test
    void calculateStrategy_eachTurn_asksTheKernelExactlyOnce() throws Exception {
        AtomicInteger asked = new AtomicInteger();

        strategy.calculateStrategy(() -> count(asked, 0), false);
        strategy.calculateStrategy(() -> count(asked, 2), false);
        strategy.calculateStrategy(() -> count(asked, 0), true);

        assertThat(asked).hasValue(3);
    }

    private static int count(AtomicInteger asked, int ready) {
        asked.incrementAndGet();
        return ready;
    }
}
