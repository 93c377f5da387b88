package io.ternmq.transport;

import io.netty.util.concurrent.FastThreadLocal;

import java.util.ArrayList;
import java.util.List;

/**
 * One event loop's channels whose sends made on the loop reached a flush's worth (the high water mark), written at
 * the next point between session tasks ({@link LoopExecutor#betweenTasks}). A drain posted to the loop runs after
 * everything queued there before it: all a turn's reads, and on a loop that is behind, the batches other loops
 * handed it. A subscriber fed by many publishers then had tens of thousands of packets waiting per drain (fan-in on
 * half a core: ~63,000, 20 drains a second), each encoded long after its message left the caches, and all of them
 * alive through young collections. Written at the mark, each write is still one full flush. Loop only.
 */
final class LoopWrites {

    private static final FastThreadLocal<LoopWrites> ON_THREAD = new FastThreadLocal<>() {
        @Override
        protected LoopWrites initialValue() {
            return new LoopWrites();
        }
    };

    private final List<NettyClientChannel> due = new ArrayList<>();

    /** The writes of the loop this is called on. */
    static LoopWrites onThisThread() {
        return ON_THREAD.get();
    }

    /** {@code channel}, on this loop, has a flush's worth waiting; one added twice finds nothing the second time. */
    void add(NettyClientChannel channel) {
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
}
