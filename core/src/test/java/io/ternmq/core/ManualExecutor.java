package io.ternmq.core;

import java.util.ArrayDeque;
import java.util.concurrent.Executor;

/** An executor that only queues; the test runs the tasks, so every interleaving is chosen, not scheduled. */
final class ManualExecutor implements Executor {

    private final ArrayDeque<Runnable> tasks = new ArrayDeque<>();
    private int submitted;

    @Override
    public synchronized void execute(Runnable task) {
        tasks.addLast(task);
        submitted++;
    }

    /** Runs queued tasks (including ones they queue) until none is left; returns how many ran. */
    int runAll() {
        int ran = 0;
        Runnable next;
        while ((next = poll()) != null) {
            next.run();
            ran++;
        }
        return ran;
    }

    synchronized int submitted() {
        return submitted;
    }

    private synchronized Runnable poll() {
        return tasks.pollFirst();
    }
}
