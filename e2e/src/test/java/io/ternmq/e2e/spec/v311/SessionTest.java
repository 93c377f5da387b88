package io.ternmq.e2e.spec.v311;

import io.ternmq.e2e.BrokerExtension;
import io.ternmq.e2e.Flows;
import io.ternmq.testkit.CleanSession;
import io.ternmq.testkit.Dup;
import io.ternmq.testkit.Packets;
import io.ternmq.testkit.RawMqttClient;
import io.ternmq.testkit.ReceivedPublish;
import io.ternmq.testkit.Retain;
import io.ternmq.testkit.SessionPresent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.charset.StandardCharsets;

import static io.ternmq.e2e.BrokerExtension.subscribe;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Session state across connections: CleanSession, Session Present, takeover, redelivery (sections 3.1, 3.2, 4.1,
 * 4.4).
 */
class SessionTest {

    @RegisterExtension
    static final BrokerExtension broker = BrokerExtension.withDefaults();

    @Test
    void persistentSession_unknownClientId_sessionPresent0() {
        // [MQTT-3.2.2-3] [MQTT-3.1.2-4]
        broker.raw().send(Packets.connect("s-new", CleanSession.NO, 60)).expectBytes("20 02 00 00");
    }

    @Test
    void persistentSession_reconnect_sessionPresent1AndSubscriptionKept() {
        // [MQTT-3.2.2-2] [MQTT-3.1.2-4] [MQTT-4.1.0-1] [MQTT-3.1.3-2]
        RawMqttClient first = broker.connectedPersistent("s-keep", SessionPresent.NO);
        subscribe(first, "s/keep", 1);
        first.send(Packets.disconnect()).expectClosed();

        RawMqttClient again = broker.raw().send(Packets.connect("s-keep", CleanSession.NO, 60));
        again.expectBytes("20 02 01 00");
        Flows.publishQos1(broker.connected("s-keep-pub"), "s/keep", "still subscribed", 1);
        Flows.expectPublish(again, "s/keep", "still subscribed", 1);
    }

    @Test
    void session_otherClientId_doesNotShareState() {
        // [MQTT-3.1.3-2] the session is keyed on the client id: another id finds no session
        RawMqttClient first = broker.connectedPersistent("s-key-a", SessionPresent.NO);
        subscribe(first, "s/key", 1);
        first.send(Packets.disconnect()).expectClosed();
        broker.connectedPersistent("s-key-b", SessionPresent.NO);
    }

    @Test
    void cleanSession_afterPersistentSession_sessionPresent0AndSubscriptionsDiscarded() {
        // [MQTT-3.1.2-6] [MQTT-3.1.4-3] [MQTT-3.2.2-1]
        RawMqttClient persistent = broker.connectedPersistent("s-discard", SessionPresent.NO);
        subscribe(persistent, "s/discard", 1);
        persistent.send(Packets.disconnect()).expectClosed();

        RawMqttClient clean = broker.raw().send(Packets.connect("s-discard", CleanSession.YES, 60));
        clean.expectBytes("20 02 00 00");
        clean.send(Packets.subscribe(2, "s/discard/marker", 0)).expectPacket(Packets.suback(2, 0));
        RawMqttClient publisher = broker.connected("s-discard-pub");
        Flows.publishQos1(publisher, "s/discard", "old subscription", 1);
        publisher.send(Packets.publish("s/discard/marker", "marker"));
        assertThat(clean.readPublish().topic()).isEqualTo("s/discard/marker");
    }

    @Test
    void cleanSession_stateOfCleanSession_isNotReusedByLaterPersistentConnect() {
        // [MQTT-3.1.2-6] a clean session lasts only as long as its connection
        RawMqttClient clean = broker.connected("s-once");
        subscribe(clean, "s/once", 1);
        clean.send(Packets.disconnect()).expectClosed();
        broker.raw().send(Packets.connect("s-once", CleanSession.NO, 60)).expectBytes("20 02 00 00");
    }

    @Test
    void cleanSession_subscription_lastsAsLongAsTheConnection() {
        // [MQTT-4.1.0-2]
        RawMqttClient subscriber = broker.subscriber("s-live", "s/live", 0);
        RawMqttClient publisher = broker.connected("s-live-pub");
        for (int i = 0; i < 3; i++) {
            publisher.send(Packets.publish("s/live", "m" + i));
            Flows.expectPublish(subscriber, "s/live", "m" + i, 0);
        }
    }

    @Test
    void persistentSession_offlineQos1Messages_deliveredAfterConnackOnReconnect() {
        // [MQTT-3.1.2-5] [MQTT-3.2.0-1] [MQTT-4.5.0-1]
        RawMqttClient subscriber = broker.connectedPersistent("s-offline", SessionPresent.NO);
        subscribe(subscriber, "s/offline", 2);
        subscriber.send(Packets.disconnect()).expectClosed();

        RawMqttClient publisher = broker.connected("s-offline-pub");
        Flows.publishQos1(publisher, "s/offline", "q1", 1);
        Flows.publishQos2(publisher, "s/offline", "q2", 2);

        RawMqttClient back = broker.raw().send(Packets.connect("s-offline", CleanSession.NO, 60));
        back.expectBytes("20 02 01 00");
        Flows.acknowledge(back, Flows.expectPublish(back, "s/offline", "q1", 1));
        Flows.acknowledge(back, Flows.expectPublish(back, "s/offline", "q2", 2));
    }

    @Test
    void takeover_sameClientId_closesOldConnectionAndPublishesItsWill() {
        // [MQTT-3.1.4-2]
        RawMqttClient watcher = broker.subscriber("s-take-watch", "s/take/will", 0);
        RawMqttClient old = broker.raw().send(Packets.connectWithWill("s-take", CleanSession.YES, 60,
                "s/take/will", "taken over".getBytes(StandardCharsets.UTF_8), 0, Retain.NO));
        old.expectBytes("20 02 00 00");

        broker.raw().send(Packets.connect("s-take", CleanSession.YES, 60)).expectBytes("20 02 00 00");
        old.expectClosed();
        Flows.expectPublish(watcher, "s/take/will", "taken over", 0);
    }

    @Test
    void takeover_persistentSession_newConnectionResumesSession() {
        // [MQTT-3.1.4-2] [MQTT-3.1.2-4]
        RawMqttClient old = broker.connectedPersistent("s-take-p", SessionPresent.NO);
        subscribe(old, "s/take/p", 1);
        RawMqttClient replacement = broker.raw().send(Packets.connect("s-take-p", CleanSession.NO, 60));
        replacement.expectBytes("20 02 01 00");
        old.expectClosed();
        Flows.publishQos1(broker.connected("s-take-p-pub"), "s/take/p", "to the new one", 1);
        Flows.expectPublish(replacement, "s/take/p", "to the new one", 1);
    }

    @Test
    void reconnect_unacknowledgedQos1_resentWithDupAndSamePacketId() {
        // [MQTT-3.3.1-1] [MQTT-4.4.0-1] [MQTT-4.3.2-1]
        RawMqttClient subscriber = broker.connectedPersistent("s-redeliver", SessionPresent.NO);
        subscribe(subscriber, "s/redeliver", 1);
        Flows.publishQos1(broker.connected("s-redeliver-pub"), "s/redeliver", "unacked", 1);
        ReceivedPublish first = Flows.expectPublish(subscriber, "s/redeliver", "unacked", 1);
        assertThat(first.dup()).isEqualTo(Dup.NO);
        subscriber.close();

        RawMqttClient back = broker.raw().send(Packets.connect("s-redeliver", CleanSession.NO, 60));
        back.expectBytes("20 02 01 00");
        back.expectPacket(Packets.publish("s/redeliver", 1, Retain.NO, Dup.YES, first.packetId(), "unacked"));
        back.send(Packets.puback(first.packetId()));
        Flows.expectNoMorePublishes(back);
    }

    @Test
    void reconnect_qos2WithoutPubrec_publishResentWithDup() {
        // [MQTT-3.3.1-1] [MQTT-4.4.0-1]
        RawMqttClient subscriber = broker.connectedPersistent("s-redeliver2", SessionPresent.NO);
        subscribe(subscriber, "s/redeliver2", 2);
        Flows.publishQos2(broker.connected("s-redeliver2-pub"), "s/redeliver2", "no pubrec", 1);
        ReceivedPublish first = Flows.expectPublish(subscriber, "s/redeliver2", "no pubrec", 2);
        subscriber.close();

        RawMqttClient back = broker.raw().send(Packets.connect("s-redeliver2", CleanSession.NO, 60));
        back.expectBytes("20 02 01 00");
        back.expectPacket(Packets.publish("s/redeliver2", 2, Retain.NO, Dup.YES, first.packetId(), "no pubrec"));
        Flows.acknowledge(back, ReceivedPublish.parse(
                Packets.publish("s/redeliver2", 2, Retain.NO, Dup.YES, first.packetId(), "no pubrec")));
    }

    @Test
    void reconnect_pubrecSentButNoPubcomp_pubrelResentNotPublish() {
        // [MQTT-4.4.0-1] [MQTT-4.3.3-1]
        RawMqttClient subscriber = broker.connectedPersistent("s-pubrel", SessionPresent.NO);
        subscribe(subscriber, "s/pubrel", 2);
        Flows.publishQos2(broker.connected("s-pubrel-pub"), "s/pubrel", "half done", 1);
        ReceivedPublish first = Flows.expectPublish(subscriber, "s/pubrel", "half done", 2);
        subscriber.send(Packets.pubrec(first.packetId())).expectPacket(Packets.pubrel(first.packetId()));
        subscriber.close();

        RawMqttClient back = broker.raw().send(Packets.connect("s-pubrel", CleanSession.NO, 60));
        back.expectBytes("20 02 01 00");
        back.expectPacket(Packets.pubrel(first.packetId()));
        back.send(Packets.pubcomp(first.packetId()));
        Flows.expectNoMorePublishes(back);
    }

    @Test
    void inboundQos2_publisherReconnectsBeforePubrel_messageDeliveredExactlyOnce() {
        // [MQTT-4.3.3-2] [MQTT-4.4.0-1] the broker keeps the PUBREC state in the publisher's persistent session
        RawMqttClient subscriber = broker.subscriber("s-in2-sub", "s/in2", 0);
        RawMqttClient publisher = broker.connectedPersistent("s-in2-pub", SessionPresent.NO);
        publisher.send(Packets.publish("s/in2", 2, Retain.NO, Dup.NO, 5, "exactly once")).expectBytes("50 02 00 05");
        publisher.close();

        RawMqttClient back = broker.raw().send(Packets.connect("s-in2-pub", CleanSession.NO, 60));
        back.expectBytes("20 02 01 00");
        back.send(Packets.publish("s/in2", 2, Retain.NO, Dup.YES, 5, "exactly once")).expectBytes("50 02 00 05");
        back.send(Packets.pubrel(5)).expectBytes("70 02 00 05");
        Flows.expectPublish(subscriber, "s/in2", "exactly once", 0);
        Flows.expectMarkerNext(subscriber, back, "s/in2");
    }
}
