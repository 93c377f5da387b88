package io.ternmq.transport;

import io.netty.channel.EventLoop;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One IO loop's side of the {@link LoopBalancer}: the connections registered on it, and how busy its thread was and
 * how long it waited for work over the last period. Everything but {@link #lastPeriod} is read and written on the
 * loop's own thread only.
 */
final class LoopLoad {

    /** The calling thread's CPU time in nanoseconds. */
    @FunctionalInterface
    interface CpuClock {
        long threadCpuNanos();
    }

    /** The time the calling loop waited for work since it started, in nanoseconds ({@link IdleTimingIoHandler}). */
    @FunctionalInterface
    interface IdleClock {
        long idleNanos();
    }

    private static final Logger log = LoggerFactory.getLogger(LoopLoad.class);

    private final EventLoop loop;
    private final LoopBalancer balancer;
    private final long periodNanos;
    private final CpuClock clock;
    private final IdleClock idleClock;
    private final List<NettyClientChannel> channels = new ArrayList<>();
    /** This loop's last period, for the other loops to compare with; one reference, so never half updated. */
    private volatile LoadShedding.Period lastPeriod = new LoadShedding.Period(0, 0);
    private long cpuAtLastTick = -1;
    private long idleAtLastTick;
    private long lastTickNanos;
    private final SheddingPace pace = new SheddingPace();
    /** The time spent on each channel over the last period, by its place in {@code channels}; reused. */
    private long[] channelNanos = new long[16];

    LoopLoad(EventLoop loop, LoopBalancer balancer, long periodNanos, CpuClock clock, IdleClock idleClock) {
        this.loop = loop;
        this.balancer = balancer;
        this.periodNanos = periodNanos;
        this.clock = clock;
        this.idleClock = idleClock;
    }

    EventLoop loop() {
        return loop;
    }

    LoadShedding.Period lastPeriod() {
        return lastPeriod;
    }

    /** Whether its connections are timed now ({@link LoadMeter}). */
    LoadMeter.Switch meterSwitch() {
        return pace;
    }

    void startTicking() {
        loop.scheduleWithFixedDelay(this::tickGuarded, periodNanos, periodNanos, TimeUnit.NANOSECONDS);
    }

    /** A periodic task that throws is never run again: a failed tick is logged, and the next one runs. */
    private void tickGuarded() {
        try {
            tick();
        } catch (RuntimeException e) {
            log.warn("IO loop balancing: a period's measurement or moves failed", e);
        }
    }

    /** On this loop: {@code channel} is registered here now. */
    void join(NettyClientChannel channel) {
        assert loop.inEventLoop();
        channel.joined(this, channels.size());
        channels.add(channel);
    }

    /** On this loop: {@code channel} is leaving it (a move or a close); swapped out of the list in constant time. */
    void leave(NettyClientChannel channel, int index) {
        assert loop.inEventLoop() && channels.get(index) == channel;
        NettyClientChannel last = channels.removeLast();
        if (last != channel) {
            channels.set(index, last);
            last.joined(this, index);
        }
    }

    /**
     * Once a period, on this loop: measures it, then hands connections to the idlest loop if it is due. A busy
     * loop runs its tick late; its times are scaled to one period, so that a short or long gap between two ticks
     * reads as the same load.
     */
    void tick() {
        long now = System.nanoTime();
        long cpu = clock.threadCpuNanos();
        long idle = idleClock.idleNanos();
        double toPeriod = cpuAtLastTick < 0 || now <= lastTickNanos ? 0 : (double) periodNanos / (now - lastTickNanos);
        LoadShedding.Period period = new LoadShedding.Period((long) ((cpu - cpuAtLastTick) * toPeriod),
                (long) ((idle - idleAtLastTick) * toPeriod));
        cpuAtLastTick = cpu;
        idleAtLastTick = idle;
        lastTickNanos = now;
        lastPeriod = period;
        int count = channels.size();
        if (channelNanos.length < count) {
            channelNanos = new long[Math.max(count, channelNanos.length * 2)];
        }
        for (int i = 0; i < count; i++) {
            channelNanos[i] = (long) (channels.get(i).takePeriodNanos() * toPeriod);
        }
        if (!pace.judging()) {
            return;
        }
        LoopLoad other = balancer.idlestOtherThan(this);
        if (other == null) {
            return; // a single loop: never ticks, as the balancer is off
        }
        LoadShedding.Period taker = other.lastPeriod();
        if (!pace.shedsAfter(LoadShedding.worthShedding(period, taker, periodNanos))) {
            return;
        }
        List<LoadShedding.Candidate<NettyClientChannel>> candidates = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            NettyClientChannel channel = channels.get(i);
            candidates.add(new LoadShedding.Candidate<>(channel, channelNanos[i], channel.isHome(other.loop())));
        }
        List<NettyClientChannel> moves = LoadShedding.choose(candidates, period.busyNanos(), taker.busyNanos(),
                periodNanos);
        int started = 0;
        for (NettyClientChannel channel : moves) {
            if (channel.moveTo(other.loop())) {
                started++;
            }
        }
        balancer.moved(started);
        pace.shed(started);
        if (started > 0) {
            log.debug("IO loop busy {} ms and idle {} ms of {} ms, the idlest other busy {} ms and idle {} ms: {} of"
                    + " its {} connections move there", period.busyNanos() / 1_000_000, period.idleNanos() / 1_000_000,
                    periodNanos / 1_000_000, taker.busyNanos() / 1_000_000, taker.idleNanos() / 1_000_000,
                    started, count);
        }
    }
}
