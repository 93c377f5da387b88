package io.ternmq.transport;

import io.netty.channel.EventLoop;
import io.netty.util.concurrent.EventExecutor;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;

/**
 * The Netty worker event loops, created before the server so that the broker can run its sessions on them too:
 * a PUBLISH is then read, routed and written by one thread without a hand-off when the publisher, its session,
 * the subscriber's session and the subscriber share a loop, as they always do on one core. On more cores each
 * connection moves to its session's loop after CONNECT ({@link NettyClientChannel#shareThreadWith}), so only
 * routing between sessions crosses threads, and a {@link LoopBalancer} moves connections off a loop that is far
 * busier than another. Whoever creates it closes it, after the server (one per IoThreads: the server stops the
 * acceptor loop) and the core that use it.
 */
public final class IoThreads implements AutoCloseable {

    private final EventLoops loops;
    private final List<Executor> executors;
    private final LoopBalancer balancer;

    private IoThreads(EventLoops loops, LoopBalancer.Settings balancing) {
        this.loops = loops;
        this.balancer = LoopBalancer.start(loops, balancing);
        var list = new ArrayList<Executor>();
        for (EventExecutor loop : loops.workers()) {
            list.add(new LoopExecutor((EventLoop) loop));
        }
        this.executors = List.copyOf(list);
    }

    /**
     * Starts {@code count} worker loops on the transport chosen by {@code -Dternmq.transport} (epoll by default).
     * With {@code balance}, connections move off a loop far busier than another ({@link LoopBalancer}); without, each
     * stays on the loop its session chose.
     */
    public static IoThreads start(int count, boolean balance) {
        return start(count, IoEngine.requested(), LoopBalancer.Settings.of(balance));
    }

    static IoThreads start(int count, IoEngine engine) {
        return start(count, engine, LoopBalancer.Settings.OFF);
    }

    static IoThreads start(int count, IoEngine engine, LoopBalancer.Settings balancing) {
        if (count < 1) {
            throw new IllegalArgumentException("IO threads must be at least 1, was " + count);
        }
        // only a balanced loop times its waits: the others' IO handlers stay Netty's own
        return new IoThreads(EventLoops.create(count, engine, balancing.enabled() && count > 1), balancing);
    }

    public int count() {
        return executors.size();
    }

    /** Runs tasks one at a time, in submission order, on worker loop {@code index % count()}. */
    public Executor executor(int index) {
        return executors.get(Math.floorMod(index, executors.size()));
    }

    EventLoops loops() {
        return loops;
    }

    LoopBalancer balancer() {
        return balancer;
    }

    /** Runs the tasks already queued, then stops the loops and waits for them (a couple of seconds at most). */
    @Override
    public void close() {
        loops.shutdown();
    }
}
