package io.ternmq.transport;

import io.netty.channel.IoHandle;
import io.netty.channel.IoHandler;
import io.netty.channel.IoHandlerContext;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.IoRegistration;
import io.netty.util.concurrent.ThreadAwareExecutor;
import org.jspecify.annotations.Nullable;

import java.util.Map;
import java.util.Objects;

/**
 * An IO loop's handler (epoll, io_uring or NIO) that also measures how long its loop waited for work: the time of
 * each run that could block, less the time the handler reports it spent on ready IO. A loop's CPU time alone does not
 * tell a loop that has time to spare from one that has none when the CPU it may use is capped (a container's quota,
 * or a core shared with other work): both can read half a core. {@link LoopBalancer} moves work only off a loop that
 * never waits. Timed once per wait, not per packet; the loop's thread only.
 */
final class IdleTimingIoHandler implements IoHandler {

    private final IoHandler delegate;
    private final ActiveTimeReport report = new ActiveTimeReport();
    private long idleNanos;

    private IdleTimingIoHandler(IoHandler delegate) {
        this.delegate = delegate;
    }

    /** {@code factory}'s handlers, each timed and put in {@code byLoop} under the loop it was made for. */
    static IoHandlerFactory wrap(IoHandlerFactory factory, Map<ThreadAwareExecutor, IdleTimingIoHandler> byLoop) {
        return new IoHandlerFactory() {
            @Override
            public IoHandler newHandler(ThreadAwareExecutor loop) {
                IdleTimingIoHandler handler = new IdleTimingIoHandler(factory.newHandler(loop));
                byLoop.put(loop, handler);
                return handler;
            }

            @Override
            public boolean isChangingThreadSupported() {
                return factory.isChangingThreadSupported();
            }
        };
    }

    /** The time its loop waited for work since it started; the loop's thread only. */
    long idleNanos() {
        return idleNanos;
    }

    @Override
    public int run(IoHandlerContext context) {
        if (!context.canBlock()) {
            return delegate.run(context); // tasks wait: the handler only polls, and the loop is busy
        }
        report.start(context);
        long start = System.nanoTime();
        int handled = delegate.run(report);
        idleNanos += Math.max(0, System.nanoTime() - start - report.activeNanos);
        return handled;
    }

    @Override
    public void initialize() {
        delegate.initialize();
    }

    @Override
    public void prepareToDestroy() {
        delegate.prepareToDestroy();
    }

    @Override
    public void destroy() {
        delegate.destroy();
    }

    @Override
    public IoRegistration register(IoHandle handle) throws Exception {
        return delegate.register(handle);
    }

    @Override
    public void wakeup() {
        delegate.wakeup();
    }

    @Override
    public boolean isCompatible(Class<? extends IoHandle> handleType) {
        return delegate.isCompatible(handleType);
    }

    /** The loop's context, passed on, that also asks the handler for the time it spent on ready IO; reused. */
    private static final class ActiveTimeReport implements IoHandlerContext {

        private @Nullable IoHandlerContext context;
        private long activeNanos;

        void start(IoHandlerContext loopContext) {
            context = loopContext;
            activeNanos = 0;
        }

        private IoHandlerContext context() {
            return Objects.requireNonNull(context, "used before its run");
        }

        @Override
        public boolean canBlock() {
            return context().canBlock();
        }

        @Override
        public long delayNanos(long currentTimeNanos) {
            return context().delayNanos(currentTimeNanos);
        }

        @Override
        public long deadlineNanos() {
            return context().deadlineNanos();
        }

        @Override
        public boolean shouldReportActiveIoTime() {
            return true;
        }

        @Override
        public void reportActiveIoTime(long activeNanos) {
            this.activeNanos += activeNanos;
            if (context().shouldReportActiveIoTime()) {
                context().reportActiveIoTime(activeNanos);
            }
        }
    }
}
