package io.ternmq.bench;

import org.HdrHistogram.Recorder;
import org.jspecify.annotations.Nullable;

import java.util.concurrent.atomic.LongAdder;

/**
 * Counts what arrives and, in the latency scenario, records now minus the intended send time in the payload (and
 * traces both when asked).
 */
final class Subscriber implements BenchConnection.Listener {

    private final LongAdder received;
    private final @Nullable Recorder latencyNanos;
    private final LatencyTrace.@Nullable Sink trace;

    Subscriber(LongAdder received, @Nullable Recorder latencyNanos) {
        this(received, latencyNanos, null);
    }

    Subscriber(LongAdder received, @Nullable Recorder latencyNanos, LatencyTrace.@Nullable Sink trace) {
        this.received = received;
        this.latencyNanos = latencyNanos;
        this.trace = trace;
    }

    @Override
    public void onPublish(long stamp) {
        received.increment();
        if (latencyNanos != null) {
            long latency = Math.max(0, System.nanoTime() - stamp);
            latencyNanos.recordValue(latency);
            if (trace != null) {
                trace.record(stamp, latency);
            }
        }
    }
}
