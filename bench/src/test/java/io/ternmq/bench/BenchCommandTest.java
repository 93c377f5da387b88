package io.ternmq.bench;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class BenchCommandTest {

    /** Found out before a run of minutes, not after it; port 1 is never reached. */
    @Test
    void latencyTrace_inAMissingDirectory_isRefusedBeforeTheRun(@TempDir Path dir) {
        Path file = dir.resolve("missing").resolve("trace.csv");
        StringWriter errors = new StringWriter();
        CommandLine command = new CommandLine(new BenchCommand()).setErr(new PrintWriter(errors));

        int exit = command.execute("latency", "--port", "1", "--latency-trace", file.toString());

        assertThat(exit).isEqualTo(2);
        assertThat(errors.toString()).contains("cannot write the latency trace to " + file);
    }
}
