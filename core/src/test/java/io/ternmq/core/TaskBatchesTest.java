package io.ternmq.core;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Session threads on dedicated executors (each a thread of its own, as an IO event loop is) gather what their
 * thread posts during a turn into one task per target. Every test runs the session threads on threads of their
 * own, never on the test's thread, so that no batches stay installed on a thread other tests use.
 */
class TaskBatchesTest {

    /**
     * A dedicated executor on a thread of its own that counts the tasks queued through it; the test's own probes
     * ({@link #runAndSettle}, {@link #settle}) go to the thread directly and are not counted.
     */
    private static final class CountingLoop implements DedicatedExecutor {
        final ExecutorService thread = Executors.newSingleThreadExecutor();
        final AtomicInteger queued = new AtomicInteger();
        /** What the executor does between two tasks of a batch. */
        volatile Runnable between = () -> { };

        @Override
        public void execute(Runnable task) {
            queued.incrementAndGet();
            thread.execute(task);
        }

        @Override
        public void betweenTasks() {
            between.run();
        }

        /** Runs {@code action} on the thread as a plain task (not a session task), and waits for what it queued. */
        void runAndSettle(Runnable action) throws Exception {
            CompletableFuture.runAsync(action, thread).get(10, TimeUnit.SECONDS);
            settle();
        }

        /** Waits until every task queued so far (and the ones those queued on this thread) has run. */
        void settle() throws Exception {
            for (int i = 0; i < 3; i++) {
                CompletableFuture.runAsync(() -> { }, thread).get(10, TimeUnit.SECONDS);
            }
        }
    }

    private final CountingLoop loop0 = new CountingLoop();
    private final CountingLoop loop1 = new CountingLoop();
    private final SessionThread thread0 = new SessionThread(0, loop0);
    private final SessionThread thread1 = new SessionThread(1, loop1);

    @AfterEach
    void stopLoops() {
        loop0.thread.shutdownNow();
        loop1.thread.shutdownNow();
    }

    /** Runs one session task on thread 0, so that its thread has its batches, and waits for it. */
    private void warmUpThread0() throws Exception {
        CountDownLatch ran = new CountDownLatch(1);
        thread0.execute(ran::countDown);
        assertThat(ran.await(10, TimeUnit.SECONDS)).isTrue();
        loop0.settle();
    }

    @Test
    void postsToAnotherThreadDuringATask_arriveThereAsOneTaskInPostedOrder() throws Exception {
        warmUpThread0();
        List<Integer> order = new CopyOnWriteArrayList<>();
        List<Boolean> onTarget = new CopyOnWriteArrayList<>();
        int before = loop1.queued.get();

        thread0.execute(() -> {
            for (int i = 0; i < 100; i++) {
                int n = i;
                thread1.execute(() -> {
                    order.add(n);
                    onTarget.add(thread1.isCurrent());
                });
            }
        });
        loop0.settle();
        loop1.settle();

        assertThat(order).hasSize(100).isSorted();
        assertThat(onTarget).containsOnly(true);
        assertThat(loop1.queued.get() - before).as("one task for 100 posts").isEqualTo(1);
    }

    /** What a session moving away has routed must reach the other threads before anything it routes on its new one. */
    @Test
    void handOverBatchesNow_duringATask_theOtherThreadRunsItsTasksBeforeTheTaskEnds() throws Exception {
        warmUpThread0();
        List<String> log = new CopyOnWriteArrayList<>();
        CountDownLatch ranOnThread1 = new CountDownLatch(2);
        CountDownLatch release = new CountDownLatch(1);

        thread0.execute(() -> {
            for (int i = 0; i < 2; i++) {
                int n = i;
                thread1.execute(() -> {
                    log.add("routed " + n);
                    ranOnThread1.countDown();
                });
            }
            thread0.handOverBatchesNow();
            thread0.handOverBatchesNow(); // nothing left: nothing happens
            await(release);
            log.add("task on thread 0 ends");
        });

        assertThat(ranOnThread1.await(10, TimeUnit.SECONDS)).as("handed over while thread 0's task runs").isTrue();
        release.countDown();
        loop0.settle();
        loop1.settle();
        assertThat(log).containsExactly("routed 0", "routed 1", "task on thread 0 ends");
        assertThat(SessionThread.ofThisThread()).as("the test's thread runs no session thread").isNull();
    }

    @Test
    void ofThisThread_onTheLoopOfASessionThreadOutsideItsTasks_thatSessionThread() throws Exception {
        warmUpThread0();

        SessionThread seen = CompletableFuture.supplyAsync(SessionThread::ofThisThread, loop0.thread)
                .get(10, TimeUnit.SECONDS);

        assertThat(seen).isSameAs(thread0);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void postsToItsOwnSessionThreadOutsideTasks_runAfterTheTurnInOrder() throws Exception {
        warmUpThread0();
        List<String> log = new CopyOnWriteArrayList<>();
        int before = loop0.queued.get();

        loop0.runAndSettle(() -> {
            // as the IO phase of an event loop hands packets to the sessions it owns
            for (int i = 0; i < 10; i++) {
                int n = i;
                thread0.execute(() -> log.add("event " + n + (thread0.isCurrent() ? " owned" : " unowned")));
            }
            log.add("read done");
        });

        List<String> expected = new ArrayList<>(List.of("read done"));
        for (int i = 0; i < 10; i++) {
            expected.add("event " + i + " owned");
        }
        assertThat(log).containsExactlyElementsOf(expected);
        assertThat(loop0.queued.get() - before).as("one flush for 10 posts").isEqualTo(1);
    }

    @Test
    void tasksWithArguments_batchedWithRunnables_runOnTheTargetWithTheirArgumentsInPostedOrder() throws Exception {
        warmUpThread0();
        List<String> log = new CopyOnWriteArrayList<>();
        SessionTask logOnTarget = argument -> log.add(argument + (thread1.isCurrent() ? " owned" : " unowned"));
        int before = loop1.queued.get();

        thread0.execute(() -> {
            thread1.execute(logOnTarget, "a");
            thread1.execute(() -> log.add("runnable"));
            thread1.execute(logOnTarget, "b");
        });
        loop0.settle();
        loop1.settle();

        assertThat(log).containsExactly("a owned", "runnable", "b owned");
        assertThat(loop1.queued.get() - before).as("one task for 3 posts").isEqualTo(1);
    }

    @Test
    void taskWithArgument_fromItsOwnThreadOrWithoutBatches_runsWithItsArgument() throws Exception {
        List<String> log = new CopyOnWriteArrayList<>();
        SessionTask logOnTarget = argument -> log.add(argument + (thread1.isCurrent() ? " owned" : " unowned"));

        thread1.execute(logOnTarget, "posted"); // from the test's thread: queued at once
        loop1.settle();
        thread1.execute(() -> thread1.execute(logOnTarget, "inline")); // on its own thread: runs at once
        loop1.settle();

        assertThat(log).containsExactly("posted owned", "inline owned");
    }

    @Test
    void aFailingTaskInABatch_doesNotStopTheOthers() throws Exception {
        warmUpThread0();
        List<Integer> ran = new CopyOnWriteArrayList<>();

        thread0.execute(() -> {
            thread1.execute(() -> ran.add(1));
            thread1.execute(() -> {
                throw new IllegalStateException("expected by the test");
            });
            thread1.execute(() -> ran.add(3));
        });
        loop0.settle();
        loop1.settle();

        assertThat(ran).containsExactly(1, 3);
    }

    @Test
    void postsFromAThreadWithoutBatches_areQueuedAtOnce() throws Exception {
        List<Integer> ran = new CopyOnWriteArrayList<>();
        int before = loop1.queued.get();

        thread1.execute(() -> ran.add(1)); // from the test's thread
        thread1.execute(() -> ran.add(2));
        loop1.settle();

        assertThat(ran).containsExactly(1, 2);
        assertThat(loop1.queued.get() - before).as("one task per post").isEqualTo(2);
    }

    @Test
    void tasksABatchedTaskPosts_followInLaterBatchesInOrder() throws Exception {
        warmUpThread0();
        List<String> log = new CopyOnWriteArrayList<>();

        loop0.runAndSettle(() -> {
            thread0.execute(() -> {
                log.add("a");
                thread1.execute(() -> {
                    log.add("b on 1");
                    thread0.execute(() -> log.add("d on 0"));
                });
                thread0.execute(() -> log.add("c inline"));
            });
        });
        loop1.settle();
        loop0.settle();

        assertThat(log).containsExactly("a", "c inline", "b on 1", "d on 0");
    }

    /**
     * A thread that has not caught up lets its executor work after each handed-over task (a transport writes what
     * they sent there, LoopWrites), not only after all that waits.
     */
    @Test
    void aHandedOverBatchOnAThreadThatHasNotCaughtUp_letsTheExecutorWorkAfterEachTask() throws Exception {
        warmUpThread0();
        int tasks = (int) SessionThread.CAUGHT_UP_AT;
        List<String> log = new CopyOnWriteArrayList<>();
        loop1.between = () -> log.add("between, " + (thread1.isCurrent() ? "inside" : "outside") + " a session task");

        thread0.execute(() -> {
            for (int i = 0; i < tasks; i++) {
                int n = i;
                thread1.execute(() -> log.add("task " + n));
            }
        });
        loop0.settle();
        loop1.settle();

        List<String> expected = new ArrayList<>();
        for (int i = 0; i < tasks; i++) {
            expected.add("task " + i);
            expected.add("between, outside a session task");
        }
        assertThat(log).containsExactlyElementsOf(expected);
    }

    /** A thread that keeps up runs what the tasks left right after the batch, as after its own. */
    @Test
    void aSmallHandedOverBatch_andAThreadsOwnBatch_runWithoutWorkBetweenTasks() throws Exception {
        warmUpThread0();
        AtomicInteger between = new AtomicInteger();
        loop0.between = between::incrementAndGet;
        loop1.between = between::incrementAndGet;
        List<Integer> ran = new CopyOnWriteArrayList<>();

        thread0.execute(() -> {
            for (int i = 0; i < 3; i++) {
                int n = i;
                thread1.execute(() -> ran.add(n));
            }
        });
        loop0.runAndSettle(() -> {
            for (int i = 3; i < 6; i++) {
                int n = i;
                thread0.execute(() -> ran.add(n));
            }
        });
        loop1.settle();

        assertThat(ran).containsExactlyInAnyOrder(0, 1, 2, 3, 4, 5);
        assertThat(between).hasValue(0);
    }

    @Test
    void aFailureBetweenTasks_doesNotStopTheBatch() throws Exception {
        warmUpThread0();
        int tasks = (int) SessionThread.CAUGHT_UP_AT;
        AtomicInteger ran = new AtomicInteger();
        AtomicInteger between = new AtomicInteger();
        loop1.between = () -> {
            if (between.incrementAndGet() == 1) {
                throw new IllegalStateException("expected by the test");
            }
        };

        thread0.execute(() -> {
            for (int i = 0; i < tasks; i++) {
                thread1.execute(ran::incrementAndGet);
            }
        });
        loop0.settle();
        loop1.settle();

        assertThat(ran).hasValue(tasks);
        assertThat(between).hasValue(tasks);
    }
}
