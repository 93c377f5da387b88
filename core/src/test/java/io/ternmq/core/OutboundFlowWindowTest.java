package io.ternmq.core;

import io.ternmq.protocol.MqttPacket;
import io.ternmq.protocol.Publish;
import io.ternmq.protocol.Pubrel;
import io.ternmq.protocol.Qos;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

/** The in-flight window an MQTT 5 client's Receive Maximum sets, and the deliveries too large for it. */
class OutboundFlowWindowTest {

    private final List<MqttPacket> sent = new ArrayList<>();
    private final List<Publish> refused = new ArrayList<>();
    private Predicate<Publish> accepted = p -> true;
    private final OutboundFlow.Sink sink = new OutboundFlow.Sink() {
        @Override
        public void send(MqttPacket packet) {
            sent.add(packet);
        }

        @Override
        public boolean accepts(Publish publish) {
            if (accepted.test(publish)) {
                return true;
            }
            refused.add(publish);
            return false;
        }
    };
    private final OutboundFlow flow = new OutboundFlow(10, 100);

    private static Delivery delivery(int payloadSize, Qos qos) {
        return new Delivery("t", new byte[payloadSize], qos, false);
    }

    private List<Publish> publishes() {
        return sent.stream().filter(Publish.class::isInstance).map(Publish.class::cast).toList();
    }

    @Test
    void deliver_clientReceiveMaximumBelowOurs_isTheWindow() {
        // [MQTT-3.3.4-9] [MQTT-4.9.0-2] no more unacknowledged QoS 1/2 PUBLISHes than the client allows
        flow.window(2);
        for (int i = 0; i < 5; i++) {
            flow.deliver(delivery(i, Qos.AT_LEAST_ONCE), sink);
        }

        assertThat(publishes()).hasSize(2);
        assertThat(flow.inflightCount()).isEqualTo(2);
        assertThat(flow.queuedCount()).isEqualTo(3);

        flow.onPuback(1, sink);
        assertThat(publishes()).hasSize(3);
        assertThat(flow.inflightCount()).isEqualTo(2);
    }

    @Test
    void deliver_clientReceiveMaximumAboveOurs_keepsOurs() {
        flow.window(65_535);
        for (int i = 0; i < 12; i++) {
            flow.deliver(delivery(i, Qos.EXACTLY_ONCE), sink);
        }

        assertThat(flow.inflightCount()).isEqualTo(10);
    }

    @Test
    void deliver_windowFull_qos0AndPubrelStillGo() {
        // [MQTT-3.3.4-10] [MQTT-4.9.0-3] a full window holds back QoS 1/2 PUBLISHes only
        flow.window(1);
        flow.deliver(delivery(1, Qos.EXACTLY_ONCE), sink);
        flow.deliver(delivery(2, Qos.AT_LEAST_ONCE), sink);
        flow.deliver(delivery(3, Qos.AT_MOST_ONCE), sink);
        flow.onPubrec(1, sink);

        assertThat(sent).extracting(MqttPacket::type).map(Enum::name)
                .containsExactly("PUBLISH", "PUBLISH", "PUBREL");
        assertThat(publishes()).extracting(Publish::qos).containsExactly(Qos.EXACTLY_ONCE, Qos.AT_MOST_ONCE);
    }

    @Test
    void resume_smallerWindowThanInFlight_resendsOnlyWhatFitsThenTheRestOnAcks() {
        // a reconnect with a lower Receive Maximum than the messages still in flight [MQTT-3.3.4-9]
        for (int i = 0; i < 4; i++) {
            flow.deliver(delivery(i, Qos.AT_LEAST_ONCE), sink);
        }
        flow.deliver(delivery(9, Qos.AT_LEAST_ONCE), null);
        sent.clear();

        flow.window(2);
        flow.resume(sink);
        assertThat(publishes()).extracting(Publish::packetId, Publish::dup)
                .containsExactly(tuple(1, true), tuple(2, true));

        sent.clear();
        flow.onPuback(1, sink);
        flow.onPuback(2, sink);
        assertThat(publishes()).extracting(Publish::packetId, Publish::dup)
                .containsExactly(tuple(3, true), tuple(4, true));

        sent.clear();
        flow.onPuback(3, sink);
        assertThat(publishes()).extracting(p -> p.payload().length, Publish::dup).containsExactly(tuple(9, false));
    }

    @Test
    void resume_pubrelsCountAgainstTheWindow() {
        flow.deliver(delivery(1, Qos.EXACTLY_ONCE), sink);
        flow.deliver(delivery(2, Qos.AT_LEAST_ONCE), sink);
        flow.onPubrec(1, sink);
        sent.clear();

        flow.window(1);
        flow.resume(sink);

        assertThat(sent).containsExactly(new Pubrel(1));
        sent.clear();
        flow.onPubcomp(1, sink);
        assertThat(publishes()).extracting(Publish::packetId, Publish::dup).containsExactly(tuple(2, true));
    }

    @Test
    void resume_ackForAMessageNotYetResent_isTakenAndItIsNeverResent() {
        flow.deliver(delivery(1, Qos.AT_LEAST_ONCE), sink);
        flow.deliver(delivery(2, Qos.AT_LEAST_ONCE), sink);
        sent.clear();
        flow.window(1);
        flow.resume(sink);

        flow.onPuback(2, sink); // the client got it on the earlier connection and acknowledges it now
        flow.onPuback(1, sink);

        assertThat(publishes()).extracting(Publish::packetId).containsExactly(1);
        assertThat(flow.inflightCount()).isZero();
    }

    @Test
    void deliver_tooLargeForTheClient_isDoneAsIfDelivered() {
        // [MQTT-3.1.2-25] discarded, and the flow goes on as if it had been acknowledged
        accepted = p -> p.payload().length < 100;
        flow.window(1);

        flow.deliver(delivery(500, Qos.AT_LEAST_ONCE), sink);
        flow.deliver(delivery(5, Qos.AT_LEAST_ONCE), sink);

        assertThat(refused).extracting(p -> p.payload().length).containsExactly(500);
        assertThat(publishes()).extracting(p -> p.payload().length).containsExactly(5);
        assertThat(flow.inflightCount()).isEqualTo(1);
    }

    @Test
    void drain_queuedTooLargeForTheClient_isSkipped() {
        flow.deliver(delivery(1, Qos.AT_LEAST_ONCE), null);
        flow.deliver(delivery(500, Qos.EXACTLY_ONCE), null);
        flow.deliver(delivery(3, Qos.AT_LEAST_ONCE), null);
        accepted = p -> p.payload().length < 100;

        flow.resume(sink);

        assertThat(publishes()).extracting(p -> p.payload().length).containsExactly(1, 3);
        assertThat(flow.queuedCount()).isZero();
        assertThat(flow.inflightCount()).isEqualTo(2);
    }

    @Test
    void resume_inFlightNowTooLarge_isDone() {
        flow.deliver(delivery(500, Qos.AT_LEAST_ONCE), sink);
        flow.deliver(delivery(5, Qos.AT_LEAST_ONCE), sink);
        sent.clear();
        accepted = p -> p.payload().length < 100; // the client reconnected with a smaller maximum packet size

        flow.resume(sink);

        assertThat(publishes()).extracting(Publish::packetId).containsExactly(2);
        assertThat(flow.inflightCount()).isEqualTo(1);
    }
}
