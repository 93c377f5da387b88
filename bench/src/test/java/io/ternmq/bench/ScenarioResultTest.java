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
}
