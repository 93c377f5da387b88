package io.ternmq.core;

import io.ternmq.core.ClientChannel.ReadState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.awaitility.Awaitility.await;

/**
 * {@link InboundBackPressure} with its IO side and its session side on two real threads, counting without atomic
 * instructions: however the two interleave, reading is paused and resumed many times and never stays paused once
 * every event has run (the session thread's recheck covers a pause it could not see).
 */
class ConcurrentBackPressureTest {

    private static final int EVENTS = 300_000;

    private final ExecutorService sessionExecutor = Executors.newSingleThreadExecutor();
    private final FakeChannel channel = new FakeChannel("peer");
    private final SessionThread owner = new SessionThread(0, sessionExecutor);
    private final MemoryBudget budget = new MemoryBudget(MemoryLimits.defaults());
    private final InboundBackPressure pressure = new InboundBackPressure(channel, budget, owner);
    private final AtomicLong handled = new AtomicLong();

    @AfterEach
    void stop() {
        sessionExecutor.shutdownNow();
    }

    @Test
    void postedOnOneThreadHandledOnAnother_seededBursts_endsReadingWithEverythingHandled() {
        Random random = new Random(20261127L);
        int pauses = 0;

        for (int posted = 0; posted < EVENTS; ) {
            int burst = 1 + random.nextInt(64); // one read: what it decodes is posted even if reading pauses in it
            for (int i = 0; i < burst && posted < EVENTS; i++, posted++) {
                long bytes = random.nextInt(4) == 0 ? 0 : 1 + random.nextInt(2_000);
                pressure.posted(bytes);
                owner.execute(() -> {
                    pressure.handled(bytes);
                    handled.incrementAndGet();
                });
            }
            if (channel.readState() == ReadState.PAUSED) {
                pauses++;
                awaitReading(channel, handled, posted);
            }
        }

        await().atMost(Duration.ofSeconds(20)).until(() -> handled.get() == EVENTS);
        await().atMost(Duration.ofSeconds(5)).until(() -> channel.readState() == ReadState.READING);
        assertThat(pauses).as("times the session thread fell a queue behind").isPositive();
        assertThat(budget.usedBytes()).as("broker-wide bytes once everything was handled").isZero();
    }

    /**
     * The broker-wide budget hears of pending bytes in steps, from both threads: after every burst has been
     * handled it holds none of them, however the reports of the two sides raced, and bursts did reach it.
     */
    @Test
    void reportsFromBothThreads_seededBursts_budgetBackToZeroAfterEachBurst() {
        AtomicLong mostSeen = new AtomicLong();
        Random random = new Random(20261128L);
        long posted = 0;

        for (int round = 0; round < 3_000; round++) {
            int burst = 1 + random.nextInt(40);
            for (int i = 0; i < burst; i++, posted++) {
                long bytes = 1 + random.nextInt(1_000);
                pressure.posted(bytes);
                owner.execute(() -> {
                    pressure.handled(bytes);
                    mostSeen.accumulateAndGet(budget.usedBytes(), Math::max);
                    handled.incrementAndGet();
                });
            }
            long expected = posted;
            await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(1))
                    .until(() -> handled.get() == expected);
            assertThat(budget.usedBytes()).as("broker-wide bytes after burst %d", round).isZero();
        }
        assertThat(mostSeen.get()).as("most broker-wide bytes seen").isGreaterThanOrEqualTo(
                InboundBackPressure.REPORT_STEP);
    }

    /** Spins (an await's polling would add its interval to each of the many pauses) until reading resumes. */
    private static void awaitReading(FakeChannel channel, AtomicLong handled, long posted) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (channel.readState() == ReadState.PAUSED) {
            if (System.nanoTime() > deadline) {
                fail("still paused after 10 s, %d of %d posted events handled", handled.get(), posted);
            }
            Thread.yield();
        }
    }
}
