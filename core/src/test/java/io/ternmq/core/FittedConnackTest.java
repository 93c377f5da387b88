package io.ternmq.core;

import io.ternmq.protocol.Connack;
import io.ternmq.protocol.ConnackProperties;
import io.ternmq.protocol.ReasonCode;
import io.ternmq.protocol.UserProperty;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class FittedConnackTest {

    // CONNACK: 2 (header) + 2 (flags, reason) + 1 (property length) + 3 (topic alias maximum 10) + 5 (maximum
    // packet size) = 13 bytes; with the user property "k"="v" 7 more
    private static Connack connack(List<UserProperty> userProperties) {
        var properties = new ConnackProperties(null, null, null, null, 1024L, null, 10, null, userProperties, null,
                null, null, null, null, null, null, null);
        return new Connack(false, ReasonCode.SUCCESS, properties);
    }

    @Test
    void fit_fits_isTheSameConnack() {
        Connack connack = connack(List.of());

        assertThat(FittedConnack.fit(connack, PacketSizeLimit.of(13L))).isSameAs(connack);
    }

    @Test
    void fit_fitsOnceItsDiagnosticsAreDropped_keepsTheTopicAliasMaximum() {
        // [MQTT-3.2.2-20] the user property goes first (in the channel): the alias maximum can stay
        Connack connack = connack(List.of(new UserProperty("k", "v")));

        assertThat(FittedConnack.fit(connack, PacketSizeLimit.of(13L))).isSameAs(connack);
    }

    @Test
    void fit_tooLarge_leavesTheTopicAliasMaximumOut() {
        // [MQTT-3.1.2-24] absent means 0: the client may use no alias, and the broker holds it to that
        Connack fitted = FittedConnack.fit(connack(List.of()), PacketSizeLimit.of(12L));

        assertThat(fitted.properties().topicAliasMaximum()).isNull();
        assertThat(fitted.properties().maximumPacketSize()).isEqualTo(1024L);
        assertThat(PacketSizeLimit.of(10L).fits(fitted)).isTrue(); // 13 - 3 bytes
        assertThat(PacketSizeLimit.of(9L).fits(fitted)).isFalse();
    }
}
