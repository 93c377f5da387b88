package io.ternmq.bench;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class LatencyTraceTest {

    @Test
    void write_keepsWhatArrivedInTheMeasurement_bySendTimeFromItsStart(@TempDir Path dir) throws IOException {
        LatencyTrace trace = new LatencyTrace();
        LatencyTrace.Sink first = trace.sink();
        LatencyTrace.Sink second = trace.sink();
        first.record(900, 50);    // arrived at 950, before the start: left out
        first.record(990, 30);    // due before the start, arrived at 1,020: kept, as the histogram keeps it
        second.record(1_100, 40);
        first.record(1_050, 500); // overtaken by the second sink's message, yet listed by send time
        second.record(1_950, 60); // arrived at 2,010, after the end: left out
        trace.start(1_000);
        trace.end(2_000);

        Path file = dir.resolve("trace.csv");
        int written = trace.write(file);

        assertThat(written).isEqualTo(3);
        assertThat(Files.readAllLines(file)).containsExactly("intended_send_ns,latency_ns", "-10,30", "50,500",
                "100,40");
    }

    @Test
    void sink_growsPastItsFirstCapacity(@TempDir Path dir) throws IOException {
        LatencyTrace trace = new LatencyTrace();
        LatencyTrace.Sink sink = trace.sink();
        for (int i = 0; i < 10_000; i++) {
            sink.record(i, 7);
        }
        trace.start(0);
        trace.end(20_000);

        Path file = dir.resolve("trace.csv");

        assertThat(trace.write(file)).isEqualTo(10_000);
        List<String> lines = Files.readAllLines(file);
        assertThat(lines).hasSize(10_001);
        assertThat(lines.get(10_000)).isEqualTo("9999,7");
    }
}
