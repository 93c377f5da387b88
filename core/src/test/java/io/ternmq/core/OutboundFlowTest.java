package io.ternmq.core;

import io.ternmq.protocol.MqttPacket;
import io.ternmq.protocol.Publish;
import io.ternmq.protocol.Pubrel;
import io.ternmq.protocol.Qos;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

class OutboundFlowTest {

    private final List<MqttPacket> sent = new ArrayList<>();
    private final OutboundFlow.Sink sink = sent::add;
    private final OutboundFlow flow = new OutboundFlow(2, 3);

    private static Delivery delivery(String payload, Qos qos) {
        return new Delivery("t", payload.getBytes(StandardCharsets.UTF_8), qos, false);
    }

    private List<Publish> publishes() {
        return sent.stream().filter(Publish.class::isInstance).map(Publish.class::cast).toList();
    }

    private static String text(Publish p) {
        return new String(p.payload(), StandardCharsets.UTF_8);
    }

    @Test
    void deliver_windowFull_queuesThenDrainsInOrder() {
        // [MQTT-4.6.0-6] same topic, same QoS: sent in publish order, the window notwithstanding
        for (String payload : List.of("m1", "m2", "m3", "m4")) {
            flow.deliver(delivery(payload, Qos.AT_LEAST_ONCE), sink);
        }
        assertThat(publishes()).extracting(OutboundFlowTest::text, Publish::packetId)
                .containsExactly(tuple("m1", 1), tuple("m2", 2));
        assertThat(flow.queuedCount()).isEqualTo(2);

        sent.clear();
        // [MQTT-2.3.1-3] an id is free again once its acknowledgement is processed
        assertThat(flow.onPuback(1, sink)).isEqualTo(1);
        assertThat(flow.onPuback(2, sink)).isEqualTo(1);

        assertThat(publishes()).extracting(OutboundFlowTest::text, Publish::packetId)
                .containsExactly(tuple("m3", 3), tuple("m4", 4));
        assertThat(flow.inflightCount()).isEqualTo(2);
        assertThat(flow.queuedCount()).isZero();
    }

    @Test
    void deliver_firstAttempt_hasDupZero() {
        // [MQTT-3.3.1-1] [MQTT-3.3.1-2] [MQTT-4.3.2-1] [MQTT-4.3.1-1] first attempts carry DUP=0
        flow.deliver(delivery("q0", Qos.AT_MOST_ONCE), sink);
        flow.deliver(delivery("q1", Qos.AT_LEAST_ONCE), sink);

        assertThat(publishes()).extracting(Publish::dup, Publish::packetId, Publish::qos)
                .containsExactly(tuple(false, 0, Qos.AT_MOST_ONCE), tuple(false, 1, Qos.AT_LEAST_ONCE));
    }

    @Test
    void deliver_queueFull_dropsOverflow() {
        List<OutboundFlow.Outcome> outcomes = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            outcomes.add(flow.deliver(delivery("m" + i, Qos.EXACTLY_ONCE), null));
        }

        assertThat(outcomes).containsExactly(OutboundFlow.Outcome.QUEUED, OutboundFlow.Outcome.QUEUED,
                OutboundFlow.Outcome.QUEUED, OutboundFlow.Outcome.DROPPED_OVERFLOW,
                OutboundFlow.Outcome.DROPPED_OVERFLOW);
        assertThat(flow.queuedCount()).isEqualTo(3);
    }

    @Test
    void deliver_qos0Offline_isDropped() {
        assertThat(flow.deliver(delivery("m", Qos.AT_MOST_ONCE), null)).isEqualTo(OutboundFlow.Outcome.DROPPED_OFFLINE);
        assertThat(flow.queuedCount()).isZero();
    }

    @Test
    void qos2Flow_pubrecThenPubcomp_releasesId() {
        // [MQTT-4.3.3-1] PUBREC -> PUBREL with the same id -> PUBCOMP frees the slot
        flow.deliver(delivery("m", Qos.EXACTLY_ONCE), sink);
        flow.onPubrec(1, sink);
        assertThat(sent).last().isEqualTo(new Pubrel(1));

        assertThat(flow.onPuback(1, sink)).isZero(); // the wrong acknowledgement changes nothing
        assertThat(flow.inflightCount()).isEqualTo(1);
        flow.onPubcomp(1, sink);
        assertThat(flow.inflightCount()).isZero();
    }

    @Test
    void resume_afterReconnect_resendsPublishWithDupAndPubrelInOriginalOrder() {
        // [MQTT-4.4.0-1] [MQTT-4.6.0-1] original ids and order; PUBREL for those past PUBREC; DUP=1 [MQTT-3.3.1-1]
        flow.deliver(delivery("a", Qos.EXACTLY_ONCE), sink);
        flow.deliver(delivery("b", Qos.AT_LEAST_ONCE), sink);
        flow.deliver(delivery("c", Qos.AT_LEAST_ONCE), sink);
        flow.onPubrec(1, sink);
        sent.clear();

        flow.resume(sink);

        assertThat(sent).hasSize(2);
        assertThat(sent.get(0)).isEqualTo(new Pubrel(1));
        assertThat(publishes()).extracting(OutboundFlowTest::text, Publish::packetId, Publish::dup)
                .containsExactly(tuple("b", 2, true));
        sent.clear();
        flow.onPuback(2, sink);
        assertThat(publishes()).extracting(OutboundFlowTest::text, Publish::packetId, Publish::dup)
                .containsExactly(tuple("c", 3, false));
    }

    @Test
    void restoreInflight_twoWithOneId_keepsTheLaterAndCountsIt() {
        // [MQTT-2.3.1-2] an id is in flight once; a store holding two keeps the later, never both
        Delivery earlier = delivery("old", Qos.AT_LEAST_ONCE);
        Delivery later = delivery("new", Qos.AT_LEAST_ONCE);
        var totals = OutboundFlow.Totals.unshared();
        var restored = new OutboundFlow(2, 3, totals);
        restored.restoreInflight(new InflightMessage(earlier.firstAttempt(5), earlier));
        restored.restoreInflight(new InflightMessage(later.firstAttempt(5), later));

        restored.resume(sink);

        assertThat(restored.inflightCount()).isEqualTo(1);
        assertThat(totals.inflight().sum()).isEqualTo(1);
        assertThat(publishes()).extracting(OutboundFlowTest::text, Publish::packetId, Publish::dup)
                .containsExactly(tuple("new", 5, true));
    }
}
