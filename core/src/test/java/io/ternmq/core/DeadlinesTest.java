package io.ternmq.core;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DeadlinesTest {

    private final Deadlines deadlines = new Deadlines();
    private final List<String> ran = new ArrayList<>();

    @Test
    void runDue_severalDue_runEarliestFirstThenInSchedulingOrder() {
        deadlines.schedule(30, () -> ran.add("c"));
        deadlines.schedule(10, () -> ran.add("a"));
        deadlines.schedule(30, () -> ran.add("d"));
        deadlines.schedule(20, () -> ran.add("b"));
        deadlines.schedule(31, () -> ran.add("later"));

        assertThat(deadlines.runDue(30)).isEqualTo(4);

        assertThat(ran).containsExactly("a", "b", "c", "d");
        assertThat(deadlines.nextDueMillis()).isEqualTo(31);
    }

    @Test
    void runDue_cancelledBeforeDue_neverRuns() {
        Deadlines.Deadline deadline = deadlines.schedule(10, () -> ran.add("x"));
        deadline.cancel();

        assertThat(deadlines.runDue(100)).isZero();

        assertThat(ran).isEmpty();
        assertThat(deadlines.size()).isZero();
    }

    @Test
    void runDue_nothingDue_runsNothing() {
        deadlines.schedule(100, () -> ran.add("x"));

        assertThat(deadlines.runDue(99)).isZero();

        assertThat(ran).isEmpty();
        assertThat(deadlines.nextDueMillis()).isEqualTo(100);
    }

    @Test
    void runDue_actionSchedulesAnotherAlreadyDue_runsItInTheSameRound() {
        deadlines.schedule(10, () -> deadlines.schedule(5, () -> ran.add("chained")));

        assertThat(deadlines.runDue(10)).isEqualTo(2);

        assertThat(ran).containsExactly("chained");
        assertThat(deadlines.nextDueMillis()).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void ticker_fakeClockMoved_runsDueDeadlinesOnTheirOwnerThread() {
        var executor = new ManualExecutor();
        var threads = new SessionThreads(1, index -> executor);
        var clock = new FakeClock();
        SessionThread owner = threads.get(0);
        List<Boolean> onOwner = new ArrayList<>();
        try (var ticker = new DeadlineTicker(threads, clock)) {
            owner.execute(() -> owner.deadlines().schedule(clock.currentTimeMillis() + 5_000,
                    () -> onOwner.add(owner.isCurrent())));
            executor.runAll();

            assertThat(ticker.tick()).isZero();
            clock.advance(Duration.ofSeconds(5));
            assertThat(ticker.tick()).isEqualTo(1);
            executor.runAll();

            assertThat(onOwner).containsExactly(true);
        }
    }
}
