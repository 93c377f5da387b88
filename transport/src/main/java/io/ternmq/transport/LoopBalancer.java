package io.ternmq.transport;

import io.netty.channel.EventLoop;
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
import java.util.concurrent.atomic.AtomicLong;

/**
 * Keeps the IO loops about equally busy by moving connections between them. A connection joins its session's loop
 * after CONNECT, so one loop can end up with far more work than another: in a fan-in, the subscriber's loop
 * writes every delivery and also reads its share of the publishers, while the other loop waits. Once a period each
 * loop measures its own thread's CPU time and how long it waited for work; a loop that never waited and is well
 * ahead of one that did hands it some of its connections ({@link LoadShedding}). The connection then tells the core,
 * which moves a publisher's session along when nothing ties it to its thread; any other moved connection's packets
 * are handed to its session's loop (batched, as routes between sessions are). It goes back first when the loop it
 * moved to is the one that has no time to spare. On by default in the broker: a steady fan-in on two split half
 * cores ran at 1.08-1.16x with it, and loops whose loads are even move nothing and time no connection
 * (bench/RESULTS.md, twenty-ninth and thirtieth passes).
 */
final class LoopBalancer {

    static final long PERIOD_MILLIS = 1_000;

    private static final Logger log = LoggerFactory.getLogger(LoopBalancer.class);

    /** Whether to balance, how often, and the clock of a thread's CPU time. */
    record Settings(boolean enabled, long periodNanos, LoopLoad.CpuClock clock) {

        static final Settings OFF = new Settings(false, TimeUnit.MILLISECONDS.toNanos(PERIOD_MILLIS), () -> 0);

        /** Once a second when {@code wanted} and the JVM measures threads' CPU time; else off. */
        static Settings of(boolean wanted) {
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            boolean measurable = threads.isCurrentThreadCpuTimeSupported() && threads.isThreadCpuTimeEnabled();
            if (wanted && !measurable) {
                log.info("IO loop balancing off: this JVM does not measure a thread's CPU time");
            }
            return wanted && measurable
                    ? new Settings(true, TimeUnit.MILLISECONDS.toNanos(PERIOD_MILLIS), threads::getCurrentThreadCpuTime)
                    : OFF;
        }
    }

    private final Map<EventLoop, LoopLoad> byLoop = new IdentityHashMap<>();
    private final List<LoopLoad> loads = new ArrayList<>();
    private final boolean enabled;
    /** Moves started, by any loop; a handful a second at most, so one shared counter. */
    private final AtomicLong moves = new AtomicLong();

    private LoopBalancer(EventLoops loops, Settings settings) {
        for (EventExecutor executor : loops.workers()) {
            EventLoop loop = (EventLoop) executor;
            IdleTimingIoHandler idle = loops.idleTimer(loop);
            LoopLoad load = new LoopLoad(loop, this, settings.periodNanos(), settings.clock(),
                    idle == null ? () -> 0 : idle::idleNanos);
            byLoop.put(loop, load);
            loads.add(load);
        }
        this.enabled = settings.enabled() && loads.size() > 1;
    }

    /**
     * Balances the worker loops of {@code loops} as {@code settings} say when there are two or more; else a balancer
     * that never moves anything. Their IO handlers must time how long they wait ({@link EventLoops#create}).
     */
    static LoopBalancer start(EventLoops loops, Settings settings) {
        LoopBalancer balancer = new LoopBalancer(loops, settings);
        if (balancer.enabled) {
            for (LoopLoad load : balancer.loads) {
                load.startTicking();
            }
        }
        return balancer;
    }

    /** The connections the loops started to move so far. */
    long moves() {
        return moves.get();
    }

    /** From a loop: it started {@code count} moves. */
    void moved(int count) {
        moves.addAndGet(count);
    }

    /** Whether it moves connections: there are two loops or more, and it was not switched off. */
    boolean enabled() {
        return enabled;
    }

    /** The load of {@code loop}, which a channel registered there joins; null for a loop not in the group or off. */
    @Nullable LoopLoad of(EventLoop loop) {
        return enabled ? byLoop.get(loop) : null;
    }

    /** The loop other than {@code self} that waited longest for work over its last period; null when there is none. */
    @Nullable LoopLoad idlestOtherThan(LoopLoad self) {
        LoopLoad idlest = null;
        for (LoopLoad load : loads) {
            if (load != self && (idlest == null || load.lastPeriod().idleNanos() > idlest.lastPeriod().idleNanos())) {
                idlest = load;
            }
        }
        return idlest;
    }
}
