package io.ternmq.core;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The timer thread sleeps until the earliest deadline, or without a time limit while nothing is scheduled, and is
 * woken by a deadline scheduled before its planned wake-up. The longest sleep is an hour here (except where a test
 * says otherwise), so a deadline that runs within seconds ran because the ticker was woken for it.
 */
class DeadlineTickerTest {

    private static final long HOUR_MILLIS = Duration.ofHours(1).toMillis();

    private final ManualExecutor executor = new ManualExecutor();
    private final SessionThreads threads = new SessionThreads(2, index -> index == 0 ? executor
            : SessionExecutorFactory.SINGLE_THREADS.create(index));
    private DeadlineTicker ticker;

    @AfterEach
    void stop() {
        ticker.close();
        threads.shutdown();
    }

    @Test
    void sleep_nothingScheduled_waitsWithoutATimeLimit() {
        ticker = new DeadlineTicker(threads, Clock.SYSTEM, HOUR_MILLIS);

        awaitTicker(Thread.State.WAITING);
    }

    @Test
    void schedule_whileTheTickerSleepsWithNothingScheduled_runsWhenDue() {
        ticker = new DeadlineTicker(threads, Clock.SYSTEM, HOUR_MILLIS);
        awaitTicker(Thread.State.WAITING);

        assertRunsWhenDue(System.currentTimeMillis() + 100);
    }

    @Test
    void schedule_soonerThanTheTickerPlansToWake_wakesIt() {
        ticker = new DeadlineTicker(threads, Clock.SYSTEM, HOUR_MILLIS);
        scheduleOnThreadOne(System.currentTimeMillis() + HOUR_MILLIS);
        awaitTicker(Thread.State.TIMED_WAITING);

        assertRunsWhenDue(System.currentTimeMillis() + 100);
    }

    @Test
    void tick_postedDeadlineFoundNotDueWhenRun_isPostedAgainALongestSleepLater() {
        FakeClock clock = new FakeClock();
        ticker = new DeadlineTicker(threads, clock, 100);
        AtomicLong ran = new AtomicLong();
        SessionThread owner = threads.get(0);
        owner.execute(() -> owner.deadlines().schedule(clock.currentTimeMillis() + 1_000, ran::incrementAndGet));
        executor.runAll();
        clock.advance(Duration.ofSeconds(1));
        await().atMost(Duration.ofSeconds(5)).until(() -> executor.submitted() >= 2);

        clock.advance(Duration.ofMillis(-500)); // the wall clock steps back before the posted run
        executor.runAll();
        assertThat(ran).hasValue(0);
        int submitted = executor.submitted();
        clock.advance(Duration.ofMillis(500));

        await().atMost(Duration.ofSeconds(5)).until(() -> executor.submitted() > submitted);
        executor.runAll();
        assertThat(ran).hasValue(1);
    }

    private void awaitTicker(Thread.State state) {
        await().atMost(Duration.ofSeconds(5)).until(() -> ticker.threadState() == state);
    }

    /** A deadline scheduled on session thread 1 for {@code due} runs within seconds, and not before its time. */
    private void assertRunsWhenDue(long due) {
        assertThat(scheduleOnThreadOne(due)).succeedsWithin(Duration.ofSeconds(5))
                .satisfies(at -> assertThat(at).isGreaterThanOrEqualTo(due));
    }

    /** Schedules on session thread 1 (a real thread); completes with the wall-clock time the action ran at. */
    private CompletableFuture<Long> scheduleOnThreadOne(long dueMillis) {
        CompletableFuture<Long> ranAt = new CompletableFuture<>();
        SessionThread owner = threads.get(1);
        owner.execute(() -> owner.deadlines().schedule(dueMillis,
                () -> ranAt.complete(System.currentTimeMillis())));
        return ranAt;
    }
}
