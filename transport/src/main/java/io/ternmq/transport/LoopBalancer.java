package io.ternmq.transport;

import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.util.concurrent.EventExecutor;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Keeps the IO loops about equally busy by moving connections between them. A connection joins its session's loop
 * after CONNECT, so one loop can end up with far more work than another: in a fan-in, the subscriber's loop
 * writes every delivery and also reads its share of the publishers, while the other loop waits. Once a period each
 * loop measures its own thread's CPU time; a loop that is busy and well ahead of the least busy one hands it some of
 * its connections ({@link LoadShedding}). The sessions stay where they are: a moved connection's packets are then
 * handed to its session's loop (batched, as routes between sessions are), and it moves back when its session's
 * loop has time again.
 */
final class LoopBalancer {

    static final long PERIOD_MILLIS = 1_000;

    private static final Logger log = LoggerFactory.getLogger(LoopBalancer.class);

    private final Map<EventLoop, LoopLoad> byLoop = new IdentityHashMap<>();
    private final List<LoopLoad> loads = new ArrayList<>();
    private final boolean enabled;

    private LoopBalancer(EventLoopGroup workers, boolean enabled, long periodNanos, LoopLoad.CpuClock clock) {
        for (EventExecutor executor : workers) {
            EventLoop loop = (EventLoop) executor;
            LoopLoad load = new LoopLoad(loop, this, periodNanos, clock);
            byLoop.put(loop, load);
            loads.add(load);
        }
        this.enabled = enabled && loads.size() > 1;
    }

    /**
     * Balances {@code workers} when {@code wanted}, there are two loops or more and the JVM measures threads' CPU
     * time; else a balancer that never moves anything.
     */
    static LoopBalancer start(EventLoopGroup workers, boolean wanted) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        boolean measurable = threads.isCurrentThreadCpuTimeSupported() && threads.isThreadCpuTimeEnabled();
        if (wanted && !measurable) {
            log.info("IO loop balancing off: this JVM does not measure a thread's CPU time");
        }
        return start(workers, wanted && measurable, TimeUnit.MILLISECONDS.toNanos(PERIOD_MILLIS),
                threads::getCurrentThreadCpuTime);
    }

    /** A balancer that never moves anything: the connections stay on their sessions' loops. */
    static LoopBalancer off(EventLoopGroup workers) {
        return start(workers, false, TimeUnit.MILLISECONDS.toNanos(PERIOD_MILLIS), () -> 0);
    }

    static LoopBalancer start(EventLoopGroup workers, boolean enabled, long periodNanos, LoopLoad.CpuClock clock) {
        LoopBalancer balancer = new LoopBalancer(workers, enabled, periodNanos, clock);
        if (balancer.enabled) {
            for (LoopLoad load : balancer.loads) {
                load.startTicking();
            }
        }
        return balancer;
    }

    /** Whether it moves connections: there are two loops or more, and it was not switched off. */
    boolean enabled() {
        return enabled;
    }

    /** The load of {@code loop}, which a channel registered there joins; null for a loop not in the group or off. */
    @Nullable LoopLoad of(EventLoop loop) {
        return enabled ? byLoop.get(loop) : null;
    }

    /** The least busy loop other than {@code self} over its last period; null when there is none. */
    @Nullable LoopLoad idlestOtherThan(LoopLoad self) {
        LoopLoad idlest = null;
        for (LoopLoad load : loads) {
            if (load != self && (idlest == null || load.busyNanos() < idlest.busyNanos())) {
                idlest = load;
            }
        }
        return idlest;
    }
}
