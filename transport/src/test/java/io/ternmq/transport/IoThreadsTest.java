package io.ternmq.transport;

import io.ternmq.core.DedicatedExecutor;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/** The IO threads as session executors: one at a time, in order, whoever submits. */
class IoThreadsTest {

    @Test
    void executor_tasksFromOutsideAndFromTheLoopItself_runInSubmissionOrder() throws InterruptedException {
        try (IoThreads io = IoThreads.start(1, IoEngine.AUTO)) {
            Executor executor = io.executor(0);
            List<String> ran = new CopyOnWriteArrayList<>();
            var done = new CountDownLatch(1);

            executor.execute(() -> {
                ran.add("outer");
                executor.execute(() -> ran.add("inner 1")); // queued behind the task in hand, not run inline
                executor.execute(() -> {
                    ran.add("inner 2");
                    done.countDown();
                });
                ran.add("outer done");
            });

            assertThat(done.await(5, TimeUnit.SECONDS)).isTrue();
            assertThat(ran).containsExactly("outer", "outer done", "inner 1", "inner 2");
        }
    }

    @Test
    void executor_taskFromTheLoopWhileItIsIdle_stillRuns() throws InterruptedException {
        try (IoThreads io = IoThreads.start(1, IoEngine.AUTO)) {
            Executor executor = io.executor(0);
            var second = new CountDownLatch(1);

            // the loop queues the follow-up itself and then has nothing else to do: it must not go to sleep on it
            executor.execute(() -> executor.execute(second::countDown));

            assertThat(second.await(5, TimeUnit.SECONDS)).isTrue();
        }
    }

    /** Periodic broker work (the memory sampler) runs on a loop instead of waking a timer thread beside it. */
    @Test
    void schedule_taskAfterADelay_runsOnTheLoopThreadNotBefore() throws InterruptedException {
        try (IoThreads io = IoThreads.start(1, IoEngine.AUTO)) {
            DedicatedExecutor executor = (DedicatedExecutor) io.executor(0);
            var ranOn = new AtomicReference<String>();
            var ran = new CountDownLatch(1);
            long scheduledAt = System.nanoTime();
            var ranAfter = new AtomicLong();

            boolean kept = executor.schedule(() -> {
                ranAfter.set(System.nanoTime() - scheduledAt);
                ranOn.set(Thread.currentThread().getName());
                ran.countDown();
            }, 50);

            assertThat(kept).isTrue();
            assertThat(ran.await(5, TimeUnit.SECONDS)).isTrue();
            assertThat(ranOn.get()).startsWith("ternmq-io");
            assertThat(ranAfter.get()).isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(50));
        }
    }

    @Test
    void executor_indexBeyondTheLoops_wrapsAround() {
        try (IoThreads io = IoThreads.start(2, IoEngine.AUTO)) {
            assertThat(io.count()).isEqualTo(2);
            assertThat(io.executor(2)).isSameAs(io.executor(0));
            assertThat(io.executor(-1)).isSameAs(io.executor(1));
        }
    }
}
