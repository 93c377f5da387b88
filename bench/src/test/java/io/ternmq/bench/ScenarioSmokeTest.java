package io.ternmq.bench;

import io.ternmq.server.Broker;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Every scenario runs briefly, at small sizes, against an embedded broker and against the sink, and reports sane
 * counts. Counts only: how fast the machine is must never fail a test.
 */
class ScenarioSmokeTest {

    static final List<String> SCENARIOS = Scenario.NAMES;

    private static Broker broker;
    private static SinkServer sink;

    @BeforeAll
    static void startEndpoints() throws InterruptedException {
        broker = Broker.builder().port(0).start();
        sink = SinkServer.start(0);
    }

    @AfterAll
    static void stopEndpoints() {
        broker.close();
        sink.close();
    }

    @ParameterizedTest
    @FieldSource("SCENARIOS")
    void run_againstEmbeddedBroker_receivesMessagesWithoutErrors(String scenario) throws InterruptedException {
        BenchSettings settings = smallSettings(broker.port());
        ScenarioResult result = Scenario.named(scenario, settings).run(settings);

        assertSane(scenario, result);
        if (scenario.equals("connections")) {
            // the broker runs in this JVM, so its pid is ours
            assertThat(result.memory()).isNotNull();
            assertThat(result.memory().connections()).isEqualTo(10);
            assertThat(result.memory().rssHalfwayKib()).isPositive();
        }
        if (scenario.equals("latency")) {
            // these settings ask for polling, as the command line does unless told --no-busy-poll
            assertThat(result.latency().generatorBusyPolled()).isTrue();
        }
    }

    @ParameterizedTest
    @FieldSource("SCENARIOS")
    void run_againstSink_receivesMessagesWithoutErrors(String scenario) throws InterruptedException {
        BenchSettings settings = smallSettings(sink.port());
        ScenarioResult result = Scenario.named(scenario, settings).run(settings);

        assertSane(scenario, result);
    }

    private static void assertSane(String scenario, ScenarioResult result) {
        assertThat(result.scenario()).isEqualTo(scenario);
        assertThat(result.errors()).isZero();
        assertThat(result.receivedPerSecond()).isPositive();
        assertThat(result.line()).startsWith(scenario);
        assertThat(result.json()).startsWith("{\"scenario\":\"" + scenario + "\"").endsWith("}");
        if (scenario.equals("latency")) {
            assertThat(result.latency()).isNotNull();
            assertThat(result.latency().count()).isPositive();
            assertThat(result.latency().p90()).isGreaterThanOrEqualTo(result.latency().p50());
            assertThat(result.latency().p99()).isGreaterThanOrEqualTo(result.latency().p90());
            assertThat(result.latency().p999()).isGreaterThanOrEqualTo(result.latency().p99());
        } else {
            assertThat(result.latency()).isNull();
        }
        if (!scenario.equals("connections")) {
            assertThat(result.sentPerSecond()).isPositive();
        }
    }

    /**
     * Paced publishers never run ahead of their schedule, so the rate is a ceiling whatever the machine's speed: the
     * window's count may exceed it only by what each publisher had due at the window's edges.
     */
    @ParameterizedTest
    @ValueSource(strings = {"fan-in", "pairs-qos1"})
    void run_atOfferedRate_sendsNoFasterThanTheRate(String scenario) throws InterruptedException {
        BenchSettings settings = smallSettings(broker.port(), 2_000);
        ScenarioResult result = Scenario.named(scenario, settings).run(settings);

        assertSane(scenario, result);
        assertThat(result.sentPerSecond()).isLessThanOrEqualTo(2_000 + 2 * 5 / result.seconds());
        assertThat(result.receivedPerSecond()).isLessThanOrEqualTo(2_000 + 2 * 5 / result.seconds());
    }

    @Test
    void latency_withoutBusyPoll_letsTheGeneratorsLoopsSleep() throws InterruptedException {
        BenchSettings settings = smallSettings(broker.port(), 1, false, 0);
        ScenarioResult result = Scenario.named("latency", settings).run(settings);

        assertSane("latency", result);
        assertThat(result.latency().generatorBusyPolled()).isFalse();
    }

    /** Polling loops beyond the processors would wait for each other's turns, which would then be measured. */
    @Test
    void latency_moreLoopsThanProcessors_letsThemSleep() throws InterruptedException {
        BenchSettings settings = smallSettings(broker.port(), Runtime.getRuntime().availableProcessors() + 1, true, 0);
        ScenarioResult result = Scenario.named("latency", settings).run(settings);

        assertSane("latency", result);
        assertThat(result.latency().generatorBusyPolled()).isFalse();
    }

    /** The trace holds the messages the histogram counted, in the order they were due. */
    @Test
    void latency_withTrace_writesEveryMeasuredMessageBySendTime(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("trace.csv");
        BenchSettings settings = smallSettings(broker.port(), 1, true, 0, Optional.of(file));
        ScenarioResult result = Scenario.named("latency", settings).run(settings);

        assertSane("latency", result);
        List<String> lines = Files.readAllLines(file);
        assertThat(lines.getFirst()).isEqualTo("intended_send_ns,latency_ns");
        List<long[]> rows = lines.subList(1, lines.size()).stream()
                .map(line -> line.split(",")).map(f -> new long[] {Long.parseLong(f[0]), Long.parseLong(f[1])})
                .toList();
        // the trace's ends are read a few microseconds off the histogram's reset and read-out
        long counted = result.latency().count();
        assertThat((long) rows.size()).isCloseTo(counted, within(counted / 50 + 3));
        assertThat(rows).isSortedAccordingTo(Comparator.comparingLong(row -> row[0]));
        assertThat(rows).allSatisfy(row -> assertThat(row[1]).isNotNegative());
    }

    private static BenchSettings smallSettings(int port) {
        return smallSettings(port, 0);
    }

    private static BenchSettings smallSettings(int port, int offeredRate) {
        return smallSettings(port, 1, true, offeredRate);
    }

    private static BenchSettings smallSettings(int port, int ioThreads, boolean busyPoll, int offeredRate) {
        return smallSettings(port, ioThreads, busyPoll, offeredRate, Optional.empty());
    }

    private static BenchSettings smallSettings(int port, int ioThreads, boolean busyPoll, int offeredRate,
                                               Optional<Path> trace) {
        // a window long enough that a loaded CI machine still moves a message through each scenario
        return new BenchSettings("127.0.0.1", port, Duration.ofMillis(200), Duration.ofSeconds(1), 16, ioThreads, 8,
                500, 2, busyPoll, trace, offeredRate, 10, new BenchSettings.Sizes(5, 5, 5, 2),
                OptionalLong.of(ProcessHandle.current().pid()));
    }
}
