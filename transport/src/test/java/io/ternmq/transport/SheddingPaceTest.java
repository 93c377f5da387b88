package io.ternmq.transport;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SheddingPaceTest {

    private final SheddingPace pace = new SheddingPace();

    @Test
    void loopNeverAhead_neverShedsNorTimesItsConnections() {
        for (int period = 0; period < 10; period++) {
            assertThat(pace.judging()).isTrue();
            assertThat(pace.shedsAfter(false)).isFalse();
            assertThat(pace.metering()).isFalse();
        }
    }

    @Test
    void loopAhead_timesItsConnectionsFromTheFirstPeriod_shedsOnTheThird() {
        assertThat(pace.shedsAfter(true)).isFalse();
        assertThat(pace.metering()).as("the second period is timed").isTrue();
        assertThat(pace.shedsAfter(true)).isFalse();
        assertThat(pace.metering()).as("the third, which it sheds on, too").isTrue();

        assertThat(pace.shedsAfter(true)).isTrue();
        assertThat(pace.metering()).isFalse();
    }

    @Test
    void loopFallsBackBeforeShedding_stopsTiming_countsAheadPeriodsAfresh() {
        pace.shedsAfter(true);
        pace.shedsAfter(true);

        assertThat(pace.shedsAfter(false)).isFalse();
        assertThat(pace.metering()).isFalse();

        assertThat(pace.shedsAfter(true)).isFalse();
        assertThat(pace.shedsAfter(true)).isFalse();
        assertThat(pace.shedsAfter(true)).isTrue();
    }

    @Test
    void afterMovesStarted_restsTwoPeriodsUntimed_thenJudgesAgain() {
        shedNow();
        pace.shed(3);

        assertThat(pace.judging()).isFalse();
        assertThat(pace.judging()).isFalse();
        assertThat(pace.metering()).isFalse();
        assertThat(pace.judging()).isTrue();
    }

    @Test
    void noMoveStarted_judgesTheNextPeriod() {
        shedNow();
        pace.shed(0);

        assertThat(pace.judging()).isTrue();
    }

    private void shedNow() {
        for (int period = 1; period < SheddingPace.AHEAD_PERIODS_BEFORE_SHEDDING; period++) {
            assertThat(pace.shedsAfter(true)).isFalse();
        }
        assertThat(pace.shedsAfter(true)).isTrue();
    }
}
