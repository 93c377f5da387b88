package io.ternmq.core;

import io.ternmq.protocol.AckProperties;
import io.ternmq.protocol.Puback;
import io.ternmq.protocol.Pubcomp;
import io.ternmq.protocol.Pubrec;
import io.ternmq.protocol.Pubrel;
import io.ternmq.protocol.ReasonCode;
import io.ternmq.protocol.Suback;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class InboundQuotaTest {

    private final InboundQuota quota = new InboundQuota(2);

    @Test
    void admit_beyondTheMaximum_refuses() {
        // [MQTT-3.3.4-7] the client keeps at most our Receive Maximum unacknowledged
        assertThat(quota.admit()).isTrue();
        assertThat(quota.admit()).isTrue();
        assertThat(quota.admit()).isFalse();
    }

    @Test
    void sent_pubackAndPubcomp_freeAPlace() {
        quota.admit();
        quota.admit();

        quota.sent(new Puback(1));
        assertThat(quota.admit()).isTrue();
        quota.sent(new Pubcomp(2));
        assertThat(quota.unacknowledged()).isEqualTo(1);
    }

    @Test
    void sent_pubrecSuccess_keepsThePlaceUntilPubcomp() {
        quota.admit();

        quota.sent(new Pubrec(1));
        quota.sent(new Pubrel(1)); // not ours to send, but never counts

        assertThat(quota.unacknowledged()).isEqualTo(1);
    }

    @Test
    void sent_pubrecWithError_freesThePlace() {
        quota.admit();

        quota.sent(new Pubrec(1, ReasonCode.NOT_AUTHORIZED, AckProperties.EMPTY));

        assertThat(quota.unacknowledged()).isZero();
    }

    @Test
    void sent_pubcompPacketIdNotFound_freesNothing() {
        quota.admit();

        quota.sent(new Pubcomp(9, ReasonCode.PACKET_IDENTIFIER_NOT_FOUND, AckProperties.EMPTY));

        assertThat(quota.unacknowledged()).isEqualTo(1);
    }

    @Test
    void sent_moreAcksThanCounted_neverBelowZero() {
        // a PUBCOMP for a PUBLISH of an earlier connection: the client's quota restarted (4.9)
        quota.sent(new Pubcomp(3));
        quota.sent(new Suback(1, List.of(0)));

        assertThat(quota.unacknowledged()).isZero();
        assertThat(quota.admit()).isTrue();
        assertThat(quota.admit()).isTrue();
        assertThat(quota.admit()).isFalse();
    }
}
