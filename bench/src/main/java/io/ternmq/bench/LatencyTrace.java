package io.ternmq.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Every message of the latency scenario's measurement, as its intended send time and its latency: a percentile says
 * how long the tail is, the trace says what it is made of (a few stalls that delay every message due during them,
 * or a steady cost spread over many). Each subscriber records into its own {@link Sink} on its event loop, without
 * locks or atomics; the sinks are read once the loops have stopped.
 */
final class LatencyTrace {

    private static final String HEADER = "intended_send_ns,latency_ns";

    private final List<Sink> sinks = new ArrayList<>();
    private volatile long from = Long.MIN_VALUE;
    private volatile long to = Long.MAX_VALUE;

    /** A subscriber's own record; made before its connection opens. */
    Sink sink() {
        Sink sink = new Sink();
        sinks.add(sink);
        return sink;
    }

    /** The measurement starts ({@link System#nanoTime}): what arrived before is left out, as from the histogram. */
    void start(long nanoTime) {
        from = nanoTime;
    }

    /** The measurement ends: what arrives later is left out. */
    void end(long nanoTime) {
        to = nanoTime;
    }

    /**
     * Writes the messages that arrived between {@link #start} and {@link #end} as CSV, by intended send time, that
     * time counted from the start (negative for a message due before it). Only once the subscribers' event loops
     * have stopped. Returns the messages written.
     */
    int write(Path file) throws IOException {
        long start = from;
        long end = to;
        int total = sinks.stream().mapToInt(sink -> sink.size).sum();
        long[][] rows = new long[total][];
        int count = 0;
        for (Sink sink : sinks) {
            for (int i = 0; i < sink.size; i += 2) {
                long arrival = sink.pairs[i] + sink.pairs[i + 1];
                if (arrival >= start && arrival < end) {
                    rows[count++] = new long[] {sink.pairs[i] - start, sink.pairs[i + 1]};
                }
            }
        }
        Arrays.sort(rows, 0, count, (a, b) -> Long.compare(a[0], b[0]));
        try (BufferedWriter out = Files.newBufferedWriter(file)) {
            out.write(HEADER);
            out.newLine();
            for (int i = 0; i < count; i++) {
                out.write(rows[i][0] + "," + rows[i][1]);
                out.newLine();
            }
        }
        return count;
    }

    /** One subscriber's intended send times and latencies, in pairs; written by its event loop only. */
    static final class Sink {
        private long[] pairs = new long[8_192];
        private int size;

        void record(long intendedSendNanos, long latencyNanos) {
            if (size == pairs.length) {
                pairs = Arrays.copyOf(pairs, pairs.length * 2);
            }
            pairs[size] = intendedSendNanos;
            pairs[size + 1] = latencyNanos;
            size += 2;
        }
    }
}
