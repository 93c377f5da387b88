package io.ternmq.core;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ExpiryArithmeticTest {

    @Test
    void messageExpiresAt_noInterval_never() {
        assertThat(MessageExpiry.expiresAt(1_000, null)).isEqualTo(MessageExpiry.NEVER);
        assertThat(MessageExpiry.isExpired(MessageExpiry.NEVER, Long.MAX_VALUE - 1)).isFalse();
    }

    @Test
    void messageExpiry_intervalRunOut_expired() {
        // [MQTT-3.3.2-5]
        long expiresAt = MessageExpiry.expiresAt(10_000, 4L);

        assertThat(MessageExpiry.isExpired(expiresAt, 13_999)).isFalse();
        assertThat(MessageExpiry.isExpired(expiresAt, 14_000)).isTrue();
    }

    @Test
    void messageRemainingSeconds_partWaited_reducedAndRoundedUp() {
        // [MQTT-3.3.2-6] received with 10 s, waited 3.5 s: 7 s left to forward (6.5 rounded up)
        long expiresAt = MessageExpiry.expiresAt(10_000, 10L);

        assertThat(MessageExpiry.remainingSeconds(expiresAt, 10_000)).isEqualTo(10);
        assertThat(MessageExpiry.remainingSeconds(expiresAt, 13_500)).isEqualTo(7);
        assertThat(MessageExpiry.remainingSeconds(expiresAt, 19_999)).isEqualTo(1);
    }

    @Test
    void messageExpiresAt_largestInterval_noOverflow() {
        assertThat(MessageExpiry.expiresAt(1_800_000_000_000L, 0xFFFF_FFFFL))
                .isEqualTo(1_800_000_000_000L + 4_294_967_295_000L);
    }

    @Test
    void sessionGranted_absent_isZero() {
        assertThat(SessionExpiry.granted(null, SessionExpiry.NEVER)).isZero();
    }

    @Test
    void sessionGranted_aboveMaximum_capped() {
        assertThat(SessionExpiry.granted(SessionExpiry.NEVER, 3_600)).isEqualTo(3_600);
        assertThat(SessionExpiry.granted(60L, 3_600)).isEqualTo(60);
    }

    @Test
    void sessionExpiresAt_never_isMaxValue() {
        assertThat(SessionExpiry.expiresAt(5_000, SessionExpiry.NEVER)).isEqualTo(Long.MAX_VALUE);
        assertThat(SessionExpiry.expiresAt(5_000, 10)).isEqualTo(15_000);
    }
}
