package io.ternmq.bench;

import io.ternmq.server.Broker;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;

import static org.assertj.core.api.Assertions.assertThat;

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

    private static BenchSettings smallSettings(int port) {
        return smallSettings(port, 0);
    }

    private static BenchSettings smallSettings(int port, int offeredRate) {
        return smallSettings(port, 1, true, offeredRate);
    }

    private static BenchSettings smallSettings(int port, int ioThreads, boolean busyPoll, int offeredRate) {
        // a window long enough that a loaded CI machine still moves a message through each scenario
        return new BenchSettings("127.0.0.1", port, Duration.ofMillis(200), Duration.ofSeconds(1), 16, ioThreads, 8,
                500, 2, busyPoll, offeredRate, 10, new BenchSettings.Sizes(5, 5, 5, 2),
                OptionalLong.of(ProcessHandle.current().pid()));
    }
}
