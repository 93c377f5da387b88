package io.ternmq.bench;

import org.HdrHistogram.Recorder;
import org.jspecify.annotations.Nullable;

import java.util.concurrent.atomic.LongAdder;

/** Counts what arrives and, in the latency scenario, records now minus the intended send time in the payload. */
final class Subscriber implements BenchConnection.Listener {

    private final LongAdder received;
    private final @Nullable Recorder latencyNanos;

    Subscriber(LongAdder received, @Nullable Recorder latencyNanos) {
        this.received = received;
        this.latencyNanos = latencyNanos;
    }

    @Override
    public void onPublish(long stamp) {
        received.increment();
        if (latencyNanos != null) {
            latencyNanos.recordValue(Math.max(0, System.nanoTime() - stamp));
        }
    }
}
