package io.ternmq.core;

import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PacketIdAllocatorTest {

    private final PacketIdAllocator allocator = new PacketIdAllocator();

    @Test
    void next_fresh_startsAtOneAndCounts() {
        // [MQTT-2.3.1-1] non-zero ids
        assertThat(allocator.next(id -> false)).isEqualTo(1);
        assertThat(allocator.next(id -> false)).isEqualTo(2);
    }

    @Test
    void next_after65535_wrapsToOneNeverZero() {
        for (int i = 1; i < PacketIdAllocator.MAX_ID; i++) {
            allocator.next(id -> false);
        }

        assertThat(allocator.next(id -> false)).isEqualTo(65_535);
        assertThat(allocator.next(id -> false)).isEqualTo(1);
    }

    @Test
    void next_idsInUse_areSkipped() {
        // [MQTT-2.3.1-2] [MQTT-2.3.1-4] an id still in use is never handed out again
        Set<Integer> inUse = Set.of(1, 2, 4);

        assertThat(allocator.next(inUse::contains)).isEqualTo(3);
        assertThat(allocator.next(inUse::contains)).isEqualTo(5);
    }

    @Test
    void next_wrapAroundWithLowIdsInUse_skipsThem() {
        for (int i = 1; i < PacketIdAllocator.MAX_ID; i++) {
            allocator.next(id -> false);
        }
        Set<Integer> inUse = Set.of(65_535, 1, 2);

        assertThat(allocator.next(inUse::contains)).isEqualTo(3);
    }

    @Test
    void next_everyIdInUse_fails() {
        assertThatThrownBy(() -> allocator.next(id -> true)).isInstanceOf(IllegalStateException.class);
    }
}
