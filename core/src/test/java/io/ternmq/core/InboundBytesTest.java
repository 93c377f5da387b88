package io.ternmq.core;

import org.junit.jupiter.api.Test;

import java.lang.reflect.Field;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bytes of PUBLISH packets read but not yet handled count against the client's budget at once, and against the
 * broker's in steps of {@link InboundBackPressure#REPORT_STEP} and when back at zero.
 */
class InboundBytesTest {

    private final FakeChannel channel = new FakeChannel("peer");
    private final MemoryBudget budget = new MemoryBudget(new MemoryLimits(1L << 30, 1_000,
            new SlowConsumerRules(SlowConsumerPolicy.DROP_OLDEST, Map.of(), List.of())));
    private final InboundBackPressure pressure = new InboundBackPressure(channel, budget,
            new SessionThread(0, Runnable::run));

    /** A client limit far above the steps, so that only the broker-wide reports are at stake. */
    private static final long STEP = InboundBackPressure.REPORT_STEP;
    private final MemoryBudget roomyBudget = new MemoryBudget(new MemoryLimits(1L << 30, 1L << 20,
            new SlowConsumerRules(SlowConsumerPolicy.DROP_OLDEST, Map.of(), List.of())));

    private InboundBackPressure roomyPressure() {
        return new InboundBackPressure(channel, roomyBudget, new SessionThread(0, Runnable::run));
    }

    @Test
    void posted_bytesReachTheClientBudget_readingPausedUntilAQuarterIsLeft() {
        pressure.posted(600);
        assertThat(channel.readState()).isEqualTo(ClientChannel.ReadState.READING);

        pressure.posted(600);
        assertThat(channel.readState()).isEqualTo(ClientChannel.ReadState.PAUSED);

        pressure.handled(600);
        assertThat(channel.readState()).as("600 left, more than a quarter").isEqualTo(ClientChannel.ReadState.PAUSED);

        pressure.handled(600);
        assertThat(channel.readState()).isEqualTo(ClientChannel.ReadState.READING);
    }

    @Test
    void posted_lessThanAStep_brokerBudgetHearsNothing() {
        InboundBackPressure roomy = roomyPressure();

        roomy.posted(STEP - 1);

        assertThat(roomyBudget.usedBytes()).isZero();
    }

    @Test
    void posted_aStepPending_brokerBudgetHoldsThePendingBytes() {
        InboundBackPressure roomy = roomyPressure();

        roomy.posted(STEP / 2);
        roomy.posted(STEP / 2 + 100);
        assertThat(roomyBudget.usedBytes()).isEqualTo(STEP + 100);

        roomy.posted(STEP / 2);
        assertThat(roomyBudget.usedBytes()).as("less than a step more than reported").isEqualTo(STEP + 100);
    }

    @Test
    void handled_aStepBelowTheReport_brokerBudgetFollowsDown() {
        InboundBackPressure roomy = roomyPressure();
        for (int i = 0; i < 4; i++) {
            roomy.posted(STEP / 2);
        }
        assertThat(roomyBudget.usedBytes()).isEqualTo(2 * STEP);

        roomy.handled(STEP / 2);
        assertThat(roomyBudget.usedBytes()).as("half a step below the report").isEqualTo(2 * STEP);

        roomy.handled(STEP / 2);
        assertThat(roomyBudget.usedBytes()).isEqualTo(STEP);
    }

    /** As when the two threads' last reads cross: the posting side's report lands after the last packet ran. */
    @Test
    void handled_eventWithoutBytes_settlesAReportLeftAboveZero() throws ReflectiveOperationException {
        InboundBackPressure roomy = roomyPressure();
        roomy.posted(STEP);
        roomy.handled(STEP);
        Field reported = InboundBackPressure.class.getDeclaredField("reportedBytes");
        reported.setAccessible(true);
        reported.setLong(roomy, STEP);
        roomyBudget.add(STEP);

        roomy.posted();
        roomy.handled();

        assertThat(roomyBudget.usedBytes()).isZero();
    }

    @Test
    void handled_everythingPending_brokerBudgetBackToZero() {
        InboundBackPressure roomy = roomyPressure();
        roomy.posted(STEP);
        roomy.posted(100);

        roomy.handled(STEP);
        roomy.handled(100);

        assertThat(roomyBudget.usedBytes()).isZero();
    }

    @Test
    void holdForMemory_releasedOnlyWhenTheBudgetRecovers() {
        pressure.holdForMemory();
        assertThat(channel.readState()).isEqualTo(ClientChannel.ReadState.PAUSED);

        pressure.releaseMemory();

        assertThat(channel.readState()).isEqualTo(ClientChannel.ReadState.READING);
    }
}
