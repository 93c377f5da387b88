package io.ternmq.transport;

import io.netty.channel.EventLoop;
import io.ternmq.core.DedicatedExecutor;

import java.util.concurrent.Executor;

/**
 * One IO event loop handed to the core as a session executor. A plain {@link Executor}, not the loop itself: the
 * core shuts down the ExecutorServices it is handed. A channel recognises it to move onto the loop
 * ({@link NettyClientChannel#shareThreadWith}). Dedicated: a loop runs on one thread for its whole life.
 */
record LoopExecutor(EventLoop loop) implements DedicatedExecutor {

    @Override
    public void execute(Runnable task) {
        loop.execute(task);
    }
}
