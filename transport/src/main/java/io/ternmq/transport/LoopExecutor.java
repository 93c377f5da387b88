package io.ternmq.transport;

import io.netty.channel.EventLoop;
import io.ternmq.core.DedicatedExecutor;
import org.jspecify.annotations.Nullable;

import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

/**
 * One IO event loop handed to the core as a session executor. A plain {@link Executor}, not the loop itself: the
 * core shuts down the ExecutorServices it is handed. A channel recognises it to move onto the loop
 * ({@link NettyClientChannel#shareThreadWith}). Dedicated: a loop runs on one thread for its whole life. Between
 * the tasks of a batch handed over while its thread is behind, it writes the channels whose sends reached a flush's
 * worth ({@link LoopWrites}).
 */
final class LoopExecutor implements DedicatedExecutor {

    private final EventLoop loop;
    /** The loop thread's writes, looked up on that thread at the first {@link #betweenTasks}. */
    private @Nullable LoopWrites writes;

    LoopExecutor(EventLoop loop) {
        this.loop = loop;
    }

    EventLoop loop() {
        return loop;
    }

    @Override
    public void execute(Runnable task) {
        loop.execute(task);
    }

    @Override
    public boolean schedule(Runnable task, long delayMillis) {
        loop.schedule(task, delayMillis, TimeUnit.MILLISECONDS);
        return true;
    }

    @Override
    public void betweenTasks() {
        LoopWrites due = writes;
        if (due == null) {
            due = LoopWrites.onThisThread();
            writes = due;
        }
        due.writeDue();
    }
}
