package io.ternmq.core;

import io.ternmq.protocol.MalformedPacketException;
import io.ternmq.protocol.Pubcomp;
import io.ternmq.protocol.Publish;
import io.ternmq.protocol.PublishProperties;
import io.ternmq.protocol.Qos;
import io.ternmq.protocol.ReasonCode;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InboundPublishesTest {

    private final Set<Integer> unreleased = new HashSet<>();
    private final InboundPublishes inbound = InboundPublishes.mqtt5(5, 2, unreleased::contains);

    private static Publish publish(Qos qos, int packetId) {
        return new Publish("t", qos, false, false, packetId, new byte[0]);
    }

    @Test
    void admit_beyondReceiveMaximum_isReceiveMaximumExceeded() {
        // [MQTT-3.3.4-7] our CONNACK said 2
        inbound.admit(publish(Qos.AT_LEAST_ONCE, 1));
        inbound.admit(publish(Qos.EXACTLY_ONCE, 2));

        assertThatThrownBy(() -> inbound.admit(publish(Qos.AT_LEAST_ONCE, 3)))
                .isInstanceOfSatisfying(MalformedPacketException.class,
                        e -> assertThat(e.reasonCode()).isEqualTo(ReasonCode.RECEIVE_MAXIMUM_EXCEEDED));
    }

    @Test
    void admit_qos0_neverCounts() {
        for (int i = 0; i < 10; i++) {
            inbound.admit(publish(Qos.AT_MOST_ONCE, 0));
        }
        inbound.admit(publish(Qos.AT_LEAST_ONCE, 1));

        assertThatCode(() -> inbound.admit(publish(Qos.AT_LEAST_ONCE, 2))).doesNotThrowAnyException();
    }

    @Test
    void admit_qos2ResendOfAnUnreleasedId_isNotCountedAgain() {
        inbound.admit(publish(Qos.EXACTLY_ONCE, 1));
        unreleased.add(1);
        inbound.admit(publish(Qos.EXACTLY_ONCE, 1));
        inbound.admit(publish(Qos.EXACTLY_ONCE, 1));
        unreleased.remove(1);

        inbound.sent(new Pubcomp(1));
        inbound.admit(publish(Qos.EXACTLY_ONCE, 2));

        assertThatCode(() -> inbound.admit(publish(Qos.EXACTLY_ONCE, 3))).doesNotThrowAnyException();
    }

    @Test
    void admit_alias_isResolvedBeforeRouting() {
        var properties = new PublishProperties(null, null, 5, null, null, List.of(), List.of(), null);
        inbound.admit(new Publish("a/b", Qos.AT_MOST_ONCE, false, false, 0, new byte[0], properties));

        Publish routed = inbound.admit(new Publish("", Qos.AT_MOST_ONCE, false, false, 0, new byte[0], properties));

        assertThat(routed.topic()).isEqualTo("a/b");
    }

    @Test
    void none_countsNothing() {
        // a 3.1.1 connection has no receive maximum
        for (int i = 1; i <= 100; i++) {
            InboundPublishes.NONE.admit(publish(Qos.AT_LEAST_ONCE, i));
        }
        assertThat(InboundPublishes.NONE.admit(publish(Qos.AT_LEAST_ONCE, 1)).topic()).isEqualTo("t");
    }
}
