package io.ternmq.transport;

/**
 * When an IO loop that is ahead of the others hands connections over, and when it times its connections for that
 * ({@link LoadMeter}). It sheds only after being ahead some periods in a row, then rests a while; its connections are
 * timed only from the first period it is ahead until it sheds or falls back, so that the period it sheds on was timed
 * whole and loops whose loads are even pay nothing for the timing. The loop's thread only.
 */
final class SheddingPace implements LoadMeter.Switch {

    /** Periods a loop that handed connections over waits before it judges again: the moves land in the next one. */
    static final int QUIET_PERIODS_AFTER_SHEDDING = 2;
    /**
     * Periods in a row a loop must be ahead before it sheds. Connections arriving or leaving make loads uneven for a
     * second or two; a connection moved then stays away from its session, paying a hand-off per packet, long after
     * the loads evened out: QoS 1 pairs on two split half cores lost a third of their throughput that way.
     */
    static final int AHEAD_PERIODS_BEFORE_SHEDDING = 3;

    private int quietPeriods;
    private int aheadPeriods;

    /** At the end of a period: whether to judge it, which a loop does not in the periods after it shed. */
    boolean judging() {
        if (quietPeriods > 0) {
            quietPeriods--;
            return false;
        }
        return true;
    }

    /** The period judged: whether the loop sheds now, given whether it was {@code ahead} (worth shedding). */
    boolean shedsAfter(boolean ahead) {
        if (!ahead) {
            aheadPeriods = 0;
            return false;
        }
        if (++aheadPeriods < AHEAD_PERIODS_BEFORE_SHEDDING) {
            return false;
        }
        aheadPeriods = 0;
        return true;
    }

    /** After shedding: the loop rests if it started any move. */
    void shed(int started) {
        if (started > 0) {
            quietPeriods = QUIET_PERIODS_AFTER_SHEDDING;
        }
    }

    /** From the first period ahead until it sheds or falls back: while it counts periods ahead. */
    @Override
    public boolean metering() {
        return aheadPeriods > 0;
    }
}
