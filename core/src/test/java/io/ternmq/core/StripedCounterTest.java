package io.ternmq.core;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

import static org.assertj.core.api.Assertions.assertThat;

class StripedCounterTest {

    @Test
    void sum_addsFromManyThreadsAtOnce_noneLost() throws InterruptedException {
        var counter = new StripedCounter();
        int threads = 8;
        int adds = 100_000;
        var start = new CountDownLatch(1);
        List<Thread> started = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int delta = t + 1;
            started.add(Thread.ofPlatform().start(() -> {
                awaitQuietly(start);
                for (int i = 0; i < adds; i++) {
                    counter.add(delta);
                    counter.increment();
                    counter.decrement();
                }
            }));
        }

        start.countDown();
        for (Thread thread : started) {
            thread.join();
        }

        assertThat(counter.sum()).isEqualTo((long) adds * threads * (threads + 1) / 2);
    }

    @Test
    void sum_negativeAdds_canGoBelowZero() {
        var counter = new StripedCounter();

        counter.add(5);
        counter.add(-7);

        assertThat(counter.sum()).isEqualTo(-2);
    }

    @Test
    void slotsFor_twiceTheProcessorsAsAPowerOfTwoBetween4And64() {
        assertThat(StripedCounter.slotsFor(1)).isEqualTo(4);
        assertThat(StripedCounter.slotsFor(2)).isEqualTo(4);
        assertThat(StripedCounter.slotsFor(3)).isEqualTo(8);
        assertThat(StripedCounter.slotsFor(12)).isEqualTo(32);
        assertThat(StripedCounter.slotsFor(32)).isEqualTo(64);
        assertThat(StripedCounter.slotsFor(500)).isEqualTo(64);
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
