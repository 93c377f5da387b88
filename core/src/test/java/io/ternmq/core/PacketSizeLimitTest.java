package io.ternmq.core;

import io.ternmq.protocol.AckProperties;
import io.ternmq.protocol.Puback;
import io.ternmq.protocol.Publish;
import io.ternmq.protocol.Qos;
import io.ternmq.protocol.ReasonCode;
import io.ternmq.protocol.UserProperty;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PacketSizeLimitTest {

    // PUBLISH QoS 0, topic "t", no properties, 10-byte payload: 1 (type) + 1 (length) + 3 (topic) + 1 (property
    // length) + 10 = 16 bytes
    private static final Publish SIXTEEN_BYTES = new Publish("t", Qos.AT_MOST_ONCE, false, false, 0, new byte[10]);

    @Test
    void fits_exactlyTheMaximum_fits() {
        // [MQTT-3.1.2-24] the maximum itself is allowed
        assertThat(PacketSizeLimit.of(16L).fits(SIXTEEN_BYTES)).isTrue();
        assertThat(PacketSizeLimit.of(15L).fits(SIXTEEN_BYTES)).isFalse();
    }

    @Test
    void fits_noLimit_everything() {
        assertThat(PacketSizeLimit.of(null).isLimited()).isFalse();
        assertThat(PacketSizeLimit.NONE.fits(SIXTEEN_BYTES)).isTrue();
    }

    @Test
    void fitted_ackTooLargeWithDiagnostics_losesThem() {
        // [MQTT-3.4.2-2] [MQTT-3.4.2-3] PUBACK: 2 + 2 (id) + 1 (reason) + 1 (property length) + reason string and
        // user property
        var ack = new Puback(5, ReasonCode.NOT_AUTHORIZED,
                new AckProperties("no publishing here", List.of(new UserProperty("why", "acl"))));

        var fitted = PacketSizeLimit.of(10L).fitted(ack);

        assertThat(fitted).isEqualTo(new Puback(5, ReasonCode.NOT_AUTHORIZED, AckProperties.EMPTY));
    }

    @Test
    void fitted_fits_isTheSamePacket() {
        var ack = new Puback(5, ReasonCode.NOT_AUTHORIZED, new AckProperties("no", List.of()));

        assertThat(PacketSizeLimit.of(100L).fitted(ack)).isSameAs(ack);
    }

    @Test
    void fitted_tooLargeEvenBare_isNull() {
        // [MQTT-3.1.2-24] never sent oversize: a 4-byte PUBACK to a client that takes 3 bytes
        assertThat(PacketSizeLimit.of(3L).fitted(new Puback(5))).isNull();
        assertThat(PacketSizeLimit.of(15L).fitted(SIXTEEN_BYTES)).isNull();
    }
}
