package io.ternmq.bench;

import io.ternmq.protocol.Qos;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.IntStream;

/**
 * Publisher/subscriber pairs at QoS 1 sending a fixed total rate; latency runs from the intended send time (not
 * the actual one) to the arrival, which corrects for coordinated omission: a broker stall delays every message
 * due during it, and all of them count. The generator's loops busy-poll unless told not to, so that what is measured
 * is the broker's latency rather than the generator's wake-ups.
 */
record LatencyScenario() implements Scenario {

    @Override
    public String name() {
        return "latency";
    }

    @Override
    public ScenarioResult run(BenchSettings settings) throws InterruptedException {
        String run = RunIds.next(name());
        int pairs = settings.latencyPairs();
        long intervalNanos = TimeUnit.SECONDS.toNanos(1) * pairs / settings.latencyRate();
        LongAdder sent = new LongAdder();
        LongAdder received = new LongAdder();
        Recorder recorder = new Recorder(TimeUnit.SECONDS.toNanos(60), 3);
        boolean busyPoll = busyPoll(settings);
        LatencyTrace trace = new LatencyTrace();
        boolean tracing = settings.latencyTrace().isPresent();
        ScenarioResult result;
        try (Connector connector = new Connector(settings, 0, busyPoll)) {
            List<Subscriber> listeners = IntStream.range(0, pairs)
                    .mapToObj(i -> new Subscriber(received, recorder, tracing ? trace.sink() : null)).toList();
            List<BenchConnection> subscribed = connector.connectAll(ThroughputScenario.ids(run, "sub", pairs),
                    listeners);
            connector.subscribeAll(subscribed, IntStream.range(0, pairs).mapToObj(i -> run + "/" + i).toList(),
                    Qos.AT_LEAST_ONCE);
            List<Publisher> senders = new ArrayList<>(pairs);
            for (int i = 0; i < pairs; i++) {
                senders.add(new Publisher(new PublishTemplate(run + "/" + i, Qos.AT_LEAST_ONCE,
                        settings.messageSize()), settings.window(), intervalNanos, sent));
            }
            List<BenchConnection> publishing = connector.connectAll(ThroughputScenario.ids(run, "pub", pairs),
                    senders);
            for (int i = 0; i < pairs; i++) {
                // evenly spaced: a total rate, not every publisher's message at the same instant (a burst of
                // `pairs` messages per interval would measure queueing behind each other)
                senders.get(i).start(publishing.get(i), intervalNanos * i / pairs);
            }
            MeasuredWindow window = MeasuredWindow.run(settings, sent, received, () -> {
                recorder.reset();
                trace.start(System.nanoTime());
            });
            trace.end(System.nanoTime());
            Histogram histogram = recorder.getIntervalHistogram();
            senders.forEach(Publisher::stop);
            result = new ScenarioResult(name(), pairs, pairs, window.seconds(), window.sentPerSecond(),
                    window.receivedPerSecond(), connector.errors(), window.generatorCpu(), window.brokerCpu(),
                    percentiles(histogram, busyPoll), null);
        }
        // the connector's close waited for the event loops to end, so every sink is complete and visible here
        if (tracing) {
            writeTrace(trace, settings.latencyTrace().get());
        }
        return result;
    }

    private static void writeTrace(LatencyTrace trace, Path file) {
        try {
            int messages = trace.write(file);
            System.err.printf("latency: traced %,d messages to %s%n", messages, file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the latency trace to " + file, e);
        }
    }

    /** Polling loops that outnumber the processors would take turns at them, each waiting for the others. */
    private static boolean busyPoll(BenchSettings settings) {
        if (!settings.latencyBusyPoll()) {
            return false;
        }
        int processors = Runtime.getRuntime().availableProcessors();
        if (settings.ioThreads() > processors) {
            System.err.printf("latency: %d event loops on %d processors sleep between events instead of polling%n",
                    settings.ioThreads(), processors);
            return false;
        }
        return true;
    }

    private static ScenarioResult.Latency percentiles(Histogram nanos, boolean busyPolled) {
        return new ScenarioResult.Latency(nanos.getTotalCount(), nanos.getValueAtPercentile(50) / 1e3,
                nanos.getValueAtPercentile(90) / 1e3, nanos.getValueAtPercentile(99) / 1e3,
                nanos.getValueAtPercentile(99.9) / 1e3, nanos.getMaxValue() / 1e3, busyPolled);
    }
}
