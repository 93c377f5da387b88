package io.ternmq.transport;

import io.ternmq.transport.LoadShedding.Candidate;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class LoadSheddingTest {

    private static final long MS = 1_000_000L;
    private static final long PERIOD = 1_000 * MS;

    private static LoadShedding.Period period(long busyMillis, long idleMillis) {
        return new LoadShedding.Period(busyMillis * MS, idleMillis * MS);
    }

    /** A loop capped at half a core that never waits, against one that waits a third of the time. */
    @Test
    void worthShedding_loopThatNeverWaitsWellAheadOfOneThatWaits_yes() {
        assertThat(LoadShedding.worthShedding(period(500, 0), period(330, 330), PERIOD)).isTrue();
    }

    @Test
    void worthShedding_gapUnderATenthOfTheBusyLoop_no() {
        assertThat(LoadShedding.worthShedding(period(500, 0), period(460, 300), PERIOD)).isFalse();
        assertThat(LoadShedding.worthShedding(period(500, 0), period(450, 300), PERIOD)).isTrue();
    }

    @Test
    void worthShedding_busyLoopUnderAFifthOfThePeriod_noWhateverTheGap() {
        assertThat(LoadShedding.worthShedding(period(190, 0), period(0, 1000), PERIOD)).isFalse();
        assertThat(LoadShedding.worthShedding(period(200, 0), period(0, 1000), PERIOD)).isTrue();
    }

    @Test
    void worthShedding_otherLoopBusier_no() {
        assertThat(LoadShedding.worthShedding(period(500, 0), period(600, 200), PERIOD)).isFalse();
    }

    /** QoS 1 pairs on two capped loops: CPU times far apart, but both loops had time to spare. */
    @Test
    void worthShedding_busyLoopWaitedAtLeastATwentiethOfThePeriod_noWhateverTheGap() {
        assertThat(LoadShedding.worthShedding(period(400, 50), period(300, 400), PERIOD)).isFalse();
        assertThat(LoadShedding.worthShedding(period(400, 49), period(300, 400), PERIOD)).isTrue();
    }

    /** Both loops of a saturated machine: the one behind has no time to take anything either. */
    @Test
    void worthShedding_otherLoopWaitedUnderATenthOfThePeriod_noWhateverTheGap() {
        assertThat(LoadShedding.worthShedding(period(1000, 0), period(700, 99), PERIOD)).isFalse();
        assertThat(LoadShedding.worthShedding(period(1000, 0), period(700, 100), PERIOD)).isTrue();
    }

    /** The subscriber's loop of a fan-in: its writes take two thirds of the loop, 25 publishers the rest. */
    @Test
    void choose_fanInLoop_movesPublishersForHalfTheGapAndKeepsTheSubscriber() {
        List<Candidate<String>> candidates = new ArrayList<>();
        candidates.add(new Candidate<>("subscriber", 500 * MS, false));
        IntStream.range(0, 25).forEach(i -> candidates.add(new Candidate<>("publisher" + i, 10 * MS, false)));

        List<String> moves = LoadShedding.choose(candidates, 750 * MS, 600 * MS, PERIOD); // half the gap: 75 ms

        assertThat(moves).hasSize(7).doesNotContain("subscriber").allMatch(name -> name.startsWith("publisher"));
    }

    @Test
    void choose_connectionsGoingHome_takenBeforeBusierOnes() {
        List<Candidate<String>> candidates = List.of(
                new Candidate<>("busy", 300 * MS, false),
                new Candidate<>("home-a", 100 * MS, true),
                new Candidate<>("busier", 400 * MS, false),
                new Candidate<>("home-b", 150 * MS, true));

        // half the gap is 400 ms, which "busier" alone would fill
        List<String> moves = LoadShedding.choose(candidates, 950 * MS, 150 * MS, PERIOD);

        assertThat(moves).containsExactly("home-b", "home-a");
    }

    /** Wall-clock times that add up to twice the loop's CPU time count for half. */
    @Test
    void choose_measuredTimesAboveTheLoopsCpuTime_scaledDownToIt() {
        List<Candidate<String>> candidates = List.of(
                new Candidate<>("a", 400 * MS, false), new Candidate<>("b", 400 * MS, false),
                new Candidate<>("c", 200 * MS, false));

        // scaled: 200, 200 and 100 ms against half the 300 ms gap; unscaled, none would fit
        assertThat(LoadShedding.choose(candidates, 500 * MS, 200 * MS, PERIOD)).containsExactly("c");
        assertThat(LoadShedding.choose(candidates, 500 * MS, 0, PERIOD)).containsExactly("a");
    }

    @Test
    void choose_oneConnectionCarriesTheLoop_staysWhereItIs() {
        List<Candidate<String>> candidates = List.of(new Candidate<>("only", 900 * MS, false));

        assertThat(LoadShedding.choose(candidates, 900 * MS, 100 * MS, PERIOD)).isEmpty();
    }

    @Test
    void choose_nearlyIdleConnections_neverMoved() {
        List<Candidate<String>> candidates = List.of(
                new Candidate<>("idle", 0, true), new Candidate<>("nearly idle", MS - 1, true),
                new Candidate<>("active", MS, false), new Candidate<>("big", 800 * MS, false));

        assertThat(LoadShedding.choose(candidates, 900 * MS, 0, PERIOD)).containsExactly("active");
    }

    @Test
    void choose_nothingMeasured_movesNothing() {
        List<Candidate<String>> candidates = List.of(new Candidate<>("a", 0, false), new Candidate<>("b", 0, true));

        assertThat(LoadShedding.choose(candidates, 900 * MS, 0, PERIOD)).isEmpty();
    }

    @Test
    void choose_manySmallConnections_atMostMaxMovesPerPeriod() {
        List<Candidate<String>> candidates = IntStream.range(0, 200)
                .mapToObj(i -> new Candidate<>("c" + i, 3 * MS, false)).toList();

        assertThat(LoadShedding.choose(candidates, 900 * MS, 0, PERIOD)).hasSize(LoadShedding.MAX_MOVES);
    }

    /** Seeded random loops: what moves never carries more than half the gap, so the loops never swap places. */
    @Test
    void choose_randomLoops_movedTimeAtMostHalfTheGap() {
        Random random = new Random(20261128);
        for (int trial = 0; trial < 1_000; trial++) {
            List<Candidate<Integer>> candidates = new ArrayList<>();
            int count = 1 + random.nextInt(200);
            long measured = 0;
            for (int i = 0; i < count; i++) {
                long nanos = random.nextInt(4) == 0 ? 0 : (long) (random.nextDouble() * 20 * MS);
                measured += nanos;
                candidates.add(new Candidate<>(i, nanos, random.nextBoolean()));
            }
            long busy = PERIOD / 5 + (long) (random.nextDouble() * PERIOD * 0.8);
            long other = (long) (random.nextDouble() * busy);

            List<Integer> moves = LoadShedding.choose(candidates, busy, other, PERIOD);

            double scale = measured == 0 ? 0 : Math.min(1.0, (double) busy / measured);
            double moved = moves.stream().mapToLong(i -> candidates.get(i).nanos()).sum() * scale;
            assertThat(moved).as("trial %d", trial).isLessThanOrEqualTo((busy - other) / 2.0 + 1);
            assertThat(moves).doesNotHaveDuplicates().hasSizeLessThanOrEqualTo(LoadShedding.MAX_MOVES);
        }
    }
}
