package io.ternmq.e2e.security;

import io.ternmq.e2e.BrokerExtension;
import io.ternmq.testkit.CleanSession;
import io.ternmq.testkit.Packets;
import io.ternmq.testkit.RawMqttClient;
import io.ternmq.testkit.Retain;
import io.ternmq.testkit.Subscription;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** Topic length and depth and subscriptions per client beyond the configured limits. */
class TopicLimitsTest {

    @RegisterExtension
    static final BrokerExtension broker = BrokerExtension.with(b -> b.maxTopicLength(10).maxTopicLevels(3)
            .maxSubscriptionsPerClient(2));

    @Test
    void publish_topicLongerThanLimit_connectionClosedAndCounted() {
        long violationsBefore = broker.stats().protocolViolations();
        RawMqttClient client = broker.connected("l-long");

        client.send(Packets.publish("abcdefghijk", "x")); // 11 bytes

        client.expectClosed();
        assertThat(broker.stats().protocolViolations()).isEqualTo(violationsBefore + 1);
    }

    @Test
    void publish_limitCountsUtf8Bytes_notCharacters() {
        RawMqttClient fits = broker.connected("l-utf8-ok");
        fits.send(Packets.publish("ééééé", "x")); // 5 characters, 10 bytes
        fits.send(Packets.pingreq()).expectPacket(Packets.pingresp());

        RawMqttClient beyond = broker.connected("l-utf8-long");
        beyond.send(Packets.publish("éééééé", "x")); // 12 bytes
        beyond.expectClosed();
    }

    @Test
    void publish_moreLevelsThanLimit_connectionClosed() {
        RawMqttClient client = broker.connected("l-deep");
        client.send(Packets.publish("a/b/c", "x"));
        client.send(Packets.pingreq()).expectPacket(Packets.pingresp());

        client.send(Packets.publish("a/b/c/d", "x"));

        client.expectClosed();
    }

    @Test
    void connect_willTopicBeyondLimits_closedWithoutConnack() {
        RawMqttClient client = broker.raw().send(Packets.connectWithWill("l-will", CleanSession.YES, 60,
                "w/i/l/l", "gone".getBytes(StandardCharsets.UTF_8), 0, Retain.NO));

        client.expectClosed();
    }

    @Test
    void subscribe_beyondLimitsOrQuota_0x80_resubscribeStillGranted() {
        // [MQTT-3.9.3-2]
        RawMqttClient client = broker.connected("l-subs");
        client.send(Packets.subscribe(1, new Subscription("a", 0), new Subscription("abcdefghijk", 0),
                new Subscription("a/b/c/d", 0), new Subscription("b", 1), new Subscription("c", 0)))
                .expectBytes("90 07 00 01 00 80 80 01 80");

        client.send(Packets.subscribe(2, "b", 2)).expectBytes("90 03 00 02 02"); // replaces, no new slot needed
        client.send(Packets.unsubscribe(3, "a")).expectPacket(Packets.unsuback(3));
        client.send(Packets.subscribe(4, "c", 0)).expectBytes("90 03 00 04 00");
    }
}
