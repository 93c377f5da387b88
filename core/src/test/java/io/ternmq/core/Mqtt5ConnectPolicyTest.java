package io.ternmq.core;

import io.ternmq.protocol.Publish;
import io.ternmq.protocol.Qos;
import io.ternmq.protocol.ReasonCode;
import io.ternmq.protocol.Will;
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

    @Test
    void unsupported_defaults_everyQosAndRetainAllowed() {
        assertThat(Mqtt5ConnectPolicy.DEFAULTS.unsupported(new Publish("t", Qos.EXACTLY_ONCE, true, false, 1,
                new byte[] {1}))).isNull();
    }

    @Test
    void unsupported_limitedPolicy_qosThenRetain() {
        // [MQTT-3.2.2-11] [MQTT-3.2.2-12] 0x9B above the maximum QoS; [MQTT-3.2.2-13] [MQTT-3.2.2-14] 0x9A RETAIN=1
        var policy = new Mqtt5ConnectPolicy(0, null, null, Qos.AT_LEAST_ONCE, RetainSupport.UNAVAILABLE);
        assertThat(policy.unsupported(new Publish("t", Qos.EXACTLY_ONCE, false, false, 1, new byte[0])))
                .isEqualTo(ReasonCode.QOS_NOT_SUPPORTED);
        assertThat(policy.unsupported(new Publish("t", Qos.AT_LEAST_ONCE, true, false, 1, new byte[0])))
                .isEqualTo(ReasonCode.RETAIN_NOT_SUPPORTED);
        assertThat(policy.unsupported(new Publish("t", Qos.AT_LEAST_ONCE, false, false, 1, new byte[0]))).isNull();
        assertThat(policy.unsupported(new Will("w", new byte[0], Qos.EXACTLY_ONCE, false)))
                .isEqualTo(ReasonCode.QOS_NOT_SUPPORTED);
        assertThat(policy.unsupported(new Will("w", new byte[0], Qos.AT_MOST_ONCE, true)))
                .isEqualTo(ReasonCode.RETAIN_NOT_SUPPORTED);
    }
}
