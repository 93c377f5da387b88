package io.ternmq.core;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The budget's timer samples every {@link MemoryBudget#SAMPLE_MILLIS} while it matters (exhausted, or from a quarter
 * of the limit up) and every {@link MemoryBudget#RELAXED_SAMPLE_MILLIS} below, where clients that grow sample
 * themselves: an idle broker no longer wakes 20 times a second for it.
 */
class MemorySamplerTest {

    private static final long LIMIT = 1_000_000;

    private final MemoryBudget budget = new MemoryBudget(new MemoryLimits(LIMIT, 1_000,
            new SlowConsumerRules(SlowConsumerPolicy.DROP_OLDEST, Map.of(), List.of())));

    @Test
    void nextSampleMillis_beforeAnySample_relaxed() {
        assertThat(budget.nextSampleMillis()).isEqualTo(MemoryBudget.RELAXED_SAMPLE_MILLIS);
    }

    @Test
    void nextSampleMillis_usageBelowAQuarterOfTheLimit_relaxed() {
        budget.add(LIMIT / 4 - 1);
        budget.sample();

        assertThat(budget.nextSampleMillis()).isEqualTo(MemoryBudget.RELAXED_SAMPLE_MILLIS);
    }

    @Test
    void nextSampleMillis_fromAQuarterOfTheLimit_everySampleInterval() {
        budget.add(LIMIT / 4);
        budget.sample();

        assertThat(budget.nextSampleMillis()).isEqualTo(MemoryBudget.SAMPLE_MILLIS);
    }

    /** Held publishers wait for the sample that finds usage below the resume mark: it comes at the fast pace. */
    @Test
    void nextSampleMillis_exhaustedThenLow_fastUntilResumedThenRelaxed() {
        budget.add(LIMIT + 1);
        budget.sample();
        budget.add(-LIMIT);
        assertThat(budget.isExhausted()).isTrue();
        assertThat(budget.nextSampleMillis()).isEqualTo(MemoryBudget.SAMPLE_MILLIS);

        budget.sample();

        assertThat(budget.isExhausted()).isFalse();
        assertThat(budget.nextSampleMillis()).isEqualTo(MemoryBudget.RELAXED_SAMPLE_MILLIS);
    }

    /** The timer alone sets and clears exhaustion: over the limit, then back under the resume mark. */
    @Test
    void start_usageOverTheLimitThenBack_timerSetsAndClearsExhaustion() {
        try (MemorySampler ignored = MemorySampler.start(budget, Runnable::run)) {
            budget.add(LIMIT + 1);
            await().atMost(Duration.ofSeconds(5)).until(budget::isExhausted);

            budget.add(-(LIMIT + 1));
            await().atMost(Duration.ofSeconds(5)).until(() -> !budget.isExhausted());
        }
    }

    /** A dedicated executor that keeps no time: the sampler falls back to a thread of its own. */
    @Test
    void start_sessionExecutorWithoutTime_samplesOnItsOwnTimer() {
        DedicatedExecutor timeless = Runnable::run;
        try (MemorySampler ignored = MemorySampler.start(budget, timeless)) {
            budget.add(LIMIT + 1);
            await().atMost(Duration.ofSeconds(5)).until(budget::isExhausted);
        }
    }

    /** On a session thread that keeps time, every sample runs there and schedules the next there, at its pace. */
    @Test
    void start_sessionThreadKeepsTime_everySampleRunsAndIsScheduledThere() {
        var loop = new ManualTimer();
        try (MemorySampler ignored = MemorySampler.start(budget, loop)) {
            assertThat(loop.delays).containsExactly(MemoryBudget.SAMPLE_MILLIS);
            budget.add(LIMIT + 1);

            loop.runNext();

            assertThat(budget.isExhausted()).isTrue();
            assertThat(loop.delays).containsExactly(MemoryBudget.SAMPLE_MILLIS, MemoryBudget.SAMPLE_MILLIS);
            budget.add(-(LIMIT + 1));

            loop.runNext();

            assertThat(budget.isExhausted()).isFalse();
            assertThat(loop.delays).containsExactly(MemoryBudget.SAMPLE_MILLIS, MemoryBudget.SAMPLE_MILLIS,
                    MemoryBudget.RELAXED_SAMPLE_MILLIS);
        }
    }

    @Test
    void close_sampleStillScheduledOnTheSessionThread_neitherSamplesNorSchedulesAgain() {
        var loop = new ManualTimer();
        MemorySampler sampler = MemorySampler.start(budget, loop);
        budget.add(LIMIT + 1);

        sampler.close();
        loop.runNext();

        assertThat(budget.isExhausted()).isFalse();
        assertThat(loop.delays).hasSize(1);
    }

    /** A session executor that keeps time by hand: what it was asked to schedule runs when the test says. */
    private static final class ManualTimer implements DedicatedExecutor {
        final List<Long> delays = new ArrayList<>();
        private final Deque<Runnable> scheduled = new ArrayDeque<>();

        @Override
        public void execute(Runnable task) {
            task.run();
        }

        @Override
        public boolean schedule(Runnable task, long delayMillis) {
            delays.add(delayMillis);
            scheduled.add(task);
            return true;
        }

        void runNext() {
            scheduled.remove().run();
        }
    }
}
