package io.ternmq.bench;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ScenarioResultTest {

    @Test
    void json_carriesTheBrokersCpuWithItsCollectorAndCompilerParts() {
        ScenarioResult result = new ScenarioResult("fan-in", 50, 1, 6.0, 1000, 990, 0, 0.3,
                new BrokerCpu(0.998, 0.061, 0.042), null, null);

        assertThat(result.json()).contains("\"brokerCpu\":0.998,\"brokerGcCpu\":0.061,\"brokerJitCpu\":0.042");
        assertThat(result.line()).contains("broker-cpu=1.00");
    }

    @Test
    void json_saysWhetherTheGeneratorBusyPolledWhileMeasuringLatency() {
        var polled = new ScenarioResult.Latency(100, 50, 70, 200, 2000, 9000, true);
        var slept = new ScenarioResult.Latency(100, 50, 70, 200, 2000, 9000, false);

        assertThat(latencyResult(polled).json()).endsWith(",\"latencyCount\":100,\"p50Micros\":50.0,\"p90Micros\":70.0,"
                + "\"p99Micros\":200.0,\"p999Micros\":2000.0,\"maxMicros\":9000.0,\"generatorBusyPolled\":true}");
        assertThat(latencyResult(slept).json()).endsWith(",\"generatorBusyPolled\":false}");
        assertThat(latencyResult(polled).line()).endsWith("(n=100, generator busy-polled)");
        assertThat(latencyResult(slept).line()).endsWith("(n=100, generator slept)");
    }

    private static ScenarioResult latencyResult(ScenarioResult.Latency latency) {
        return new ScenarioResult("latency", 10, 10, 30.0, 5000, 5000, 0, 1.0, new BrokerCpu(0.2, 0, 0), latency, null);
    }
}
