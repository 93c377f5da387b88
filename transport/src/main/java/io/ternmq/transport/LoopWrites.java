package io.ternmq.transport;

import io.netty.util.concurrent.FastThreadLocal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * One event loop's channels whose sends made on the loop reached a flush's worth (the high water mark), written at
 * the next point between handed-over session tasks ({@link LoopExecutor#betweenTasks}). A drain posted to the loop
 * runs after everything queued there before it, and a loop that has not caught up has other loops' batches queued:
 * in fan-in on two half cores, the subscriber's loop drained ~45,000 packets at a time, 50 times a second, each
 * encoded long after its message left the caches and all of them alive through young collections. Written at the
 * mark, each write is still one full flush. Loop only.
 */
final class LoopWrites {

    private static final FastThreadLocal<LoopWrites> ON_THREAD = new FastThreadLocal<>() {
        @Override
        protected LoopWrites initialValue() {
            return new LoopWrites();
        }
    };

    private final List<NettyClientChannel> due = new ArrayList<>();
    private final Runnable letGo = this::letGo;

    /** The writes of the loop this is called on. */
    static LoopWrites onThisThread() {
        return ON_THREAD.get();
    }

    /**
     * {@code channel}, on {@code loop} (this thread's), has a flush's worth waiting. The first one also queues a task
     * that lets go of the channels still listed then: on a loop that keeps up nothing writes between tasks, and the
     * drains their sends posted before have written them by then; one with more waiting is listed again.
     */
    void add(NettyClientChannel channel, Executor loop) {
        if (due.isEmpty()) {
            try {
                loop.execute(letGo);
            } catch (RejectedExecutionException stopping) {
                // the loop is shutting down with the server; its channels are closing
            }
        }
        due.add(channel);
    }

    void writeDue() {
        if (due.isEmpty()) {
            return;
        }
        for (int i = 0; i < due.size(); i++) {
            due.get(i).writeWaiting();
        }
        due.clear();
    }

    private void letGo() {
        for (int i = 0; i < due.size(); i++) {
            due.get(i).unlistForWrite();
        }
        due.clear();
    }
}
