package io.ternmq.e2e.robustness;

import io.netty.buffer.ByteBufAllocator;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The leak check of {@link HostileInputTest} would pass vacuously if it could not see a leak: it can. */
class LeakReportsTest {

    @Test
    void collect_afterABufferWasDroppedUnreleased_reportsTheLeak() {
        LeakReports leaks = LeakReports.paranoid();
        try {
            leakOneBuffer();
            assertThat(leaks.collect()).isNotEmpty();
        } finally {
            leaks.uninstall();
        }
    }

    private static void leakOneBuffer() {
        ByteBufAllocator.DEFAULT.directBuffer(32).writeInt(42);
    }
}
