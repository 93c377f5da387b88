package io.ternmq.transport;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Whether an IO loop should hand connections to a less busy one, and which. A loop's busy time over a period is its
 * thread's CPU time, and its idle time how long it waited for work ({@link IdleTimingIoHandler}); a connection's is
 * the time its loop spent reading and writing it ({@link LoadMeter}).
 * <p>
 * Only a loop that never waits sheds, and only to one that does. A moved connection costs more in all, since its
 * packets are handed to its session's loop and back; that pays only where its loop held everyone up. With CPU time
 * alone, QoS 1 pairs on two split half cores moved connections between loops busy 392 and 294 ms of the 500 each
 * could use, and were slower for it.
 * <p>
 * Counting packets instead of time misjudged a fan-in by far: a publisher's packet, read and routed, costs its loop
 * more than a delivery written to the subscriber in a batch, and a loop shed 19 of its 20 publishers at once. The
 * measured times are wall-clock and may include time the thread was descheduled; where they add up to more than the
 * loop's CPU time, they are scaled down to it.
 */
final class LoadShedding {

    /** A loop busy less than this share of the period has time to spare whatever the others do. */
    static final int MIN_BUSY_PERCENT = 20;
    /** A loop that waited for work at least this share of the period had time to spare: it keeps its connections. */
    static final int MAX_SATURATED_IDLE_PERCENT = 5;
    /** A loop that waited for work less than this share of the period has no time to take others' connections. */
    static final int MIN_TAKER_IDLE_PERCENT = 10;
    /** A gap to the least busy loop under this share of the busy loop's time is left alone: noise, and moving costs. */
    static final int MIN_GAP_PERCENT = 10;
    /** Most connections one loop hands over per period: each move deregisters and registers a socket. */
    static final int MAX_MOVES = 64;
    /** A connection that took less than this share of the period (in thousandths) is not worth its move. */
    static final int MIN_MOVE_PERMILLE = 1;

    /** One connection on the busy loop: its loop's time on it in the period; whether the other loop is its home. */
    record Candidate<C>(C channel, long nanos, boolean homeThere) {
    }

    private LoadShedding() {
    }

    /** One loop over one period: its thread's CPU time, and how long it waited for work; both in nanoseconds. */
    record Period(long busyNanos, long idleNanos) {
    }

    /**
     * Whether a loop that spent {@code self} of {@code periodNanos} should shed work to one that spent {@code other}:
     * it never waited for work, the other did, and its CPU time is well ahead of the other's.
     */
    static boolean worthShedding(Period self, Period other, long periodNanos) {
        long busy = self.busyNanos();
        return busy * 100 >= periodNanos * MIN_BUSY_PERCENT
                && self.idleNanos() * 100 < periodNanos * MAX_SATURATED_IDLE_PERCENT
                && other.idleNanos() * 100 >= periodNanos * MIN_TAKER_IDLE_PERCENT
                && (busy - other.busyNanos()) * 100 >= busy * MIN_GAP_PERCENT;
    }

    /**
     * The connections to move so that about half the gap between the two loops moves with them: those going back to
     * their session's loop first (a move that also saves a hand-off per packet), then the busiest that fit. None
     * whose estimated cost alone exceeds what is left to move, so that one heavy connection does not swing the
     * imbalance the other way (and back, the next period); none nearly idle, whose move would gain nothing.
     */
    static <C> List<C> choose(List<Candidate<C>> candidates, long busyNanos, long otherNanos, long periodNanos) {
        long measured = 0;
        for (Candidate<C> candidate : candidates) {
            measured += candidate.nanos();
        }
        List<C> moves = new ArrayList<>();
        if (measured == 0) {
            return moves;
        }
        List<Candidate<C>> ranked = new ArrayList<>(candidates);
        ranked.sort(Comparator.comparing((Candidate<C> c) -> !c.homeThere())
                .thenComparing(Comparator.comparingLong((Candidate<C> c) -> c.nanos()).reversed()));
        double scale = Math.min(1.0, (double) busyNanos / measured);
        double left = (busyNanos - otherNanos) / 2.0;
        for (Candidate<C> candidate : ranked) {
            if (moves.size() == MAX_MOVES) {
                break;
            }
            double cost = candidate.nanos() * scale;
            if (cost * 1000 >= (double) periodNanos * MIN_MOVE_PERMILLE && cost <= left) {
                moves.add(candidate.channel());
                left -= cost;
            }
        }
        return moves;
    }
}
