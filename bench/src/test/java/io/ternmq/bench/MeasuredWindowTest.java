package io.ternmq.bench;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.atomic.LongAdder;

import static org.assertj.core.api.Assertions.assertThat;

class MeasuredWindowTest {

    private static final Duration WARMUP = Duration.ofMillis(120);

    /**
     * The histogram's reset runs several times through the warm-up, the last at the measurement's start, so that the
     * JIT has met its branches before anything is measured; only what happens after the last one counts.
     */
    @Test
    void run_resetsSeveralTimesThroughTheWarmUp_lastAtTheMeasurementsStart() throws InterruptedException {
        List<Long> resets = new ArrayList<>();
        LongAdder sent = new LongAdder();
        long begin = System.nanoTime();

        MeasuredWindow window = MeasuredWindow.run(settings(), sent, new LongAdder(), () -> {
            resets.add(System.nanoTime() - begin);
            sent.increment();
        });

        assertThat(resets).hasSize(6).isSorted();
        assertThat(resets.getFirst()).isGreaterThanOrEqualTo(WARMUP.toNanos() / 6);
        assertThat(resets.getLast()).isGreaterThanOrEqualTo(WARMUP.toNanos());
        assertThat(window.sentPerSecond()).as("the resets' own counts precede the measurement").isZero();
        assertThat(window.seconds()).isGreaterThanOrEqualTo(0.01);
    }

    private static BenchSettings settings() {
        return new BenchSettings("127.0.0.1", 1883, WARMUP, Duration.ofMillis(10),
                BenchSettings.MIN_MESSAGE_SIZE, 1, 1, 1, 1, false, Optional.empty(), 0, 1,
                BenchSettings.Sizes.ISSUE_DEFAULTS, OptionalLong.empty());
    }
}
