package io.ternmq.core;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class Mqtt5ConnectPolicyTest {

    @Test
    void serverKeepAlive_noMaximum_clientValueStands() {
        // [MQTT-3.2.2-22] without a Server Keep Alive the client's own keep-alive applies, 0 included
        assertThat(Mqtt5ConnectPolicy.DEFAULTS.serverKeepAlive(0)).isNull();
        assertThat(Mqtt5ConnectPolicy.DEFAULTS.serverKeepAlive(65_535)).isNull();
    }

    @Test
    void serverKeepAlive_maximum_capsLongerAndZero() {
        // [MQTT-3.1.2-21] the client uses the Server Keep Alive instead of what it asked for
        var policy = new Mqtt5ConnectPolicy(30, null, null);
        assertThat(policy.serverKeepAlive(31)).isEqualTo(30);
        assertThat(policy.serverKeepAlive(0)).isEqualTo(30); // no keep-alive at all is longer than any maximum
        assertThat(policy.serverKeepAlive(30)).isNull();
        assertThat(policy.serverKeepAlive(1)).isNull();
    }

    @Test
    void responseInformation_empty_meansNone() {
        assertThat(new Mqtt5ConnectPolicy(0, "", null).responseInformation()).isNull();
    }

    @Test
    void maxKeepAlive_outOfRange_rejected() {
        assertThatThrownBy(() -> new Mqtt5ConnectPolicy(65_536, null, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Mqtt5ConnectPolicy(-1, null, null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void serverRedirect_emptyReference_rejected() {
        assertThatThrownBy(() -> new ServerRedirect("", ServerRedirect.Kind.SERVER_MOVED))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
