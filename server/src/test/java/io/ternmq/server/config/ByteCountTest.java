package io.ternmq.server.config;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Byte counts: a unit that would carry the value past a long is refused, never wrapped back into range. */
class ByteCountTest {

    @Test
    void memorySize_valueOverflowingALong_refusedNotWrapped() {
        MemorySize size = new MemorySize(1L << 20, 1L << 50);

        // 16,777,217 TiB = 2^64 + 2^40 bytes: wrapped it would read as 1 TiB, inside the range
        assertThatThrownBy(() -> size.parse("16777217TiB")).isInstanceOf(InvalidValueException.class);
        assertThat(size.parse("1TiB")).isEqualTo(1L << 40);
    }

    @Test
    void byteSize_valueOverflowingALong_refusedNotWrapped() {
        ByteSize size = new ByteSize(64, Integer.MAX_VALUE);

        // 8,589,934,593 GiB = 2^63 + 2^30 bytes: wrapped it would be negative; refused either way, not thrown raw
        assertThatThrownBy(() -> size.parse("8589934593GiB")).isInstanceOf(InvalidValueException.class);
        assertThat(size.parse("1GiB")).isEqualTo(1L << 30);
    }
}
