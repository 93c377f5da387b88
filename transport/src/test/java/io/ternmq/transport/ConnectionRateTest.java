package io.ternmq.transport;

import org.junit.jupiter.api.Test;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class ConnectionRateTest {

    private final AtomicLong nanos = new AtomicLong(1_000);

    @Test
    void tryAcquire_burstOfRate_admitsRateThenRefuses() {
        var rate = new ConnectionRate(3, nanos::get);

        assertThat(rate.tryAcquire()).isTrue();
        assertThat(rate.tryAcquire()).isTrue();
        assertThat(rate.tryAcquire()).isTrue();
        assertThat(rate.tryAcquire()).isFalse();
    }

    @Test
    void tryAcquire_afterPartOfASecond_regainsTokensInProportion() {
        var rate = new ConnectionRate(4, nanos::get);
        for (int i = 0; i < 4; i++) {
            rate.tryAcquire();
        }

        nanos.addAndGet(TimeUnit.MILLISECONDS.toNanos(500));

        assertThat(rate.tryAcquire()).isTrue();
        assertThat(rate.tryAcquire()).isTrue();
        assertThat(rate.tryAcquire()).isFalse();
    }

    @Test
    void tryAcquire_longIdle_neverBanksMoreThanOneSecondOfTokens() {
        var rate = new ConnectionRate(2, nanos::get);

        nanos.addAndGet(TimeUnit.SECONDS.toNanos(60));

        assertThat(rate.tryAcquire()).isTrue();
        assertThat(rate.tryAcquire()).isTrue();
        assertThat(rate.tryAcquire()).isFalse();
    }

    @Test
    void tryAcquire_zeroRate_isUnlimited() {
        var rate = new ConnectionRate(0, nanos::get);

        for (int i = 0; i < 10_000; i++) {
            assertThat(rate.tryAcquire()).isTrue();
        }
    }
}
