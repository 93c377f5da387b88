package io.ternmq.store.rocksdb;

import io.ternmq.store.WriteLimits;
import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WriteBacklogTest {

    private final WriteBacklog backlog = new WriteBacklog(new WriteLimits(1_000, 400));
    private final AtomicInteger drained = new AtomicInteger();

    @Test
    void backlog_aboveHighWater_isBacklogged() {
        backlog.added(1_000);
        assertThat(backlog.isBacklogged()).isFalse();

        backlog.added(1);

        assertThat(backlog.isBacklogged()).isTrue();
        assertThat(backlog.entries()).isEqualTo(2);
        assertThat(backlog.bytes()).isEqualTo(1_001);
    }

    @Test
    void whenDrained_atOrBelowLowWater_runsAtOnce() {
        backlog.added(400);

        backlog.whenDrained(drained::incrementAndGet);

        assertThat(drained).hasValue(1);
    }

    @Test
    void whenDrained_aboveLowWater_runsOnceWrittenDownToLowWater() {
        backlog.added(1_200);
        backlog.whenDrained(drained::incrementAndGet);
        backlog.whenDrained(drained::incrementAndGet);

        backlog.written(1, 700); // 500 left: not yet
        assertThat(drained).hasValue(0);
        backlog.written(1, 100);

        assertThat(drained).hasValue(2);
        assertThat(backlog.isBacklogged()).isFalse();
        backlog.written(0, 0);
        assertThat(drained).hasValue(2); // each callback runs once
    }

    @Test
    void sizeOf_put_countsKeyValueAndOverhead() {
        var put = new Change.Put(null, new byte[10], new byte[100]);

        assertThat(WriteBacklog.sizeOf(put)).isEqualTo(110 + WriteBacklog.CHANGE_OVERHEAD_BYTES);
    }

    @Test
    void writeLimits_lowAboveHigh_refused() {
        assertThatThrownBy(() -> new WriteLimits(10, 20)).isInstanceOf(IllegalArgumentException.class);
        assertThat(WriteLimits.DEFAULT.highWaterBytes()).isEqualTo(64L * 1024 * 1024);
        assertThat(WriteLimits.DEFAULT.lowWaterBytes()).isEqualTo(32L * 1024 * 1024);
    }
}
