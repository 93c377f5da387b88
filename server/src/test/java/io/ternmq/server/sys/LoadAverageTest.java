package io.ternmq.server.sys;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class LoadAverageTest {

    @Test
    void update_steadyRate_convergesToTheRatePerMinute() {
        LoadAverage load = new LoadAverage(0);
        long count = 0;
        for (int i = 0; i < 3000; i++) {
            count += 10; // 10 per 10 s = 60 per minute
            load.update(count, 10);
        }
        assertThat(load.average(LoadAverage.Window.ONE_MINUTE)).isCloseTo(60.0, within(0.01));
        assertThat(load.average(LoadAverage.Window.FIFTEEN_MINUTES)).isCloseTo(60.0, within(0.01));
    }

    @Test
    void update_oneInterval_weighsByTheWindow() {
        LoadAverage load = new LoadAverage(100);
        load.update(160, 60); // 60 in one minute
        // Mosquitto's weight: 1 - e^(-elapsed/window)
        assertThat(load.average(LoadAverage.Window.ONE_MINUTE)).isCloseTo(60 * (1 - Math.exp(-1)), within(1e-9));
        assertThat(load.average(LoadAverage.Window.FIVE_MINUTES)).isCloseTo(60 * (1 - Math.exp(-0.2)), within(1e-9));
    }

    @Test
    void update_noTraffic_decaysTowardsZero() {
        LoadAverage load = new LoadAverage(0);
        load.update(600, 60);
        double before = load.average(LoadAverage.Window.ONE_MINUTE);
        load.update(600, 60);
        assertThat(load.average(LoadAverage.Window.ONE_MINUTE)).isLessThan(before).isPositive();
    }
}
