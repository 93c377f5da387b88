package io.ternmq.bench;

import io.netty.util.ResourceLeakDetector;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.Callable;

/** {@code ternmq bench [scenario...]}: runs the scenarios against a broker and prints one line (or JSON) each. */
@Command(name = "ternmq bench", mixinStandardHelpOptions = true, subcommands = SinkCommand.class,
        description = {"Runs load scenarios against any MQTT broker and prints one summary line per scenario.",
                "Scenarios: fan-in, fan-out, pairs-qos1, pairs-qos2, persistent, latency, connections,",
                "all (the default); soak (opt-in, not in all: paced mixed load with connect churn for --duration",
                "seconds); slow-subscribers (opt-in: --connections subscribers that stop reading, one paced"
                        + " publisher).",
                "`ternmq bench jmh [regex]` runs the JMH benchmarks instead."})
public final class BenchCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(arity = "0..*", paramLabel = "SCENARIO", description = "scenarios to run (default: all)")
    private List<String> scenarios = new ArrayList<>(List.of("all"));

    @Option(names = "--host", description = "broker host (default: ${DEFAULT-VALUE})")
    private String host = "127.0.0.1";

    @Option(names = "--port", description = "broker port (default: ${DEFAULT-VALUE})")
    private int port = 1883;

    @Option(names = "--duration", description = "measured seconds per scenario (default: ${DEFAULT-VALUE})")
    private double durationSeconds = 10;

    @Option(names = "--warmup", description = "warm-up seconds before measuring (default: ${DEFAULT-VALUE})")
    private double warmupSeconds = 3;

    @Option(names = "--size", description = "payload bytes, at least 8 (default: ${DEFAULT-VALUE})")
    private int messageSize = 64;

    @Option(names = "--io-threads", description = "generator event loops (default: available processors)")
    private int ioThreads = Runtime.getRuntime().availableProcessors();

    @Option(names = "--window", description = "unacknowledged QoS 1/2 messages per publisher"
            + " (default: ${DEFAULT-VALUE})")
    private int window = 32;

    @Option(names = "--rate", description = "latency scenario: total messages per second (default: ${DEFAULT-VALUE})")
    private int latencyRate = 5_000;

    @Option(names = "--latency-pairs", description = "latency scenario: publisher/subscriber pairs"
            + " (default: ${DEFAULT-VALUE})")
    private int latencyPairs = 10;

    @Option(names = "--no-busy-poll", description = "latency scenario: let the generator's event loops sleep between"
            + " events, which adds their wake-ups to the latency measured; they poll by default, each loop keeping"
            + " a processor busy (with more --io-threads than processors, they sleep anyway)")
    private boolean noBusyPoll;

    @Option(names = "--latency-trace", paramLabel = "FILE", description = "latency scenario: write every measured"
            + " message's intended send time (from the measurement's start) and latency, in nanoseconds, to FILE as"
            + " CSV, in order of sending")
    private @Nullable Path latencyTrace;

    @Option(names = "--offered-rate", description = "fan-in, fan-out, pairs-qos1/2, persistent: total messages per"
            + " second, paced, instead of as fast as the broker takes them (default: ${DEFAULT-VALUE}, unpaced)")
    private int offeredRate;

    @Option(names = "--connections", description = "connections scenario: idle connections (default: ${DEFAULT-VALUE})")
    private int connections = 10_000;

    @Option(names = "--fan-in-publishers", description = "(default: ${DEFAULT-VALUE})")
    private int fanInPublishers = BenchSettings.Sizes.ISSUE_DEFAULTS.fanInPublishers();

    @Option(names = "--fan-out-subscribers", description = "(default: ${DEFAULT-VALUE})")
    private int fanOutSubscribers = BenchSettings.Sizes.ISSUE_DEFAULTS.fanOutSubscribers();

    @Option(names = "--qos1-pairs", description = "(default: ${DEFAULT-VALUE})")
    private int qos1Pairs = BenchSettings.Sizes.ISSUE_DEFAULTS.qos1Pairs();

    @Option(names = "--qos2-pairs", description = "(default: ${DEFAULT-VALUE})")
    private int qos2Pairs = BenchSettings.Sizes.ISSUE_DEFAULTS.qos2Pairs();

    @Option(names = "--broker-pid", description = "broker process id, to report its resident memory per connection")
    private long brokerPid;

    @Option(names = "--json", description = "print one JSON object per scenario instead of a summary line")
    private boolean json;

    @Override
    public Integer call() throws InterruptedException {
        disableLeakDetectionUnlessAsked();
        checkWritable(latencyTrace);
        BenchSettings settings = new BenchSettings(host, port, seconds(warmupSeconds), seconds(durationSeconds),
                messageSize, ioThreads, window, latencyRate, latencyPairs, !noBusyPoll,
                Optional.ofNullable(latencyTrace), offeredRate, connections,
                new BenchSettings.Sizes(fanInPublishers, fanOutSubscribers, qos1Pairs, qos2Pairs),
                brokerPid > 0 ? OptionalLong.of(brokerPid) : OptionalLong.empty());
        List<String> names = scenarios.contains("all") ? Scenario.NAMES : scenarios;
        List<Scenario> selected = names.stream().map(name -> Scenario.named(name, settings)).toList();
        PrintWriter out = spec.commandLine().getOut();
        int failed = 0;
        for (Scenario scenario : selected) {
            ScenarioResult result = scenario.run(settings);
            out.println(json ? result.json() : result.line());
            out.flush();
            if (result.errors() > 0) {
                failed++;
            }
        }
        return failed == 0 ? 0 : 1;
    }

    /**
     * Netty's default leak detection records a stack trace for one buffer in 128: work on the generator's core that
     * would be counted against the broker under test. An explicit {@code -Dio.netty.leakDetection.level} (paranoid,
     * to look for leaks in the generator) still wins.
     */
    private static void disableLeakDetectionUnlessAsked() {
        if (System.getProperty("io.netty.leakDetection.level") == null) {
            ResourceLeakDetector.setLevel(ResourceLeakDetector.Level.DISABLED);
        }
    }

    /** A trace that cannot be written is refused before the run, not found out after it. */
    private void checkWritable(@Nullable Path file) {
        if (file == null) {
            return;
        }
        try {
            Files.write(file, new byte[0]);
        } catch (IOException e) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "cannot write the latency trace to " + file + ": " + e);
        }
    }

    private static Duration seconds(double seconds) {
        return Duration.ofNanos((long) (seconds * 1e9));
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new BenchCommand()).execute(args));
    }
}
