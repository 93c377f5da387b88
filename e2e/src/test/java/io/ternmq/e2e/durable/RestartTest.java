package io.ternmq.e2e.durable;

import io.ternmq.server.Broker;
import io.ternmq.store.StorageMode;
import io.ternmq.testkit.CleanSession;
import io.ternmq.testkit.Dup;
import io.ternmq.testkit.Packets;
import io.ternmq.testkit.RawMqttClient;
import io.ternmq.testkit.ReceivedPublish;
import io.ternmq.testkit.Retain;
import io.ternmq.testkit.SessionPresent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** A broker closed and started again on the same data directory (wal mode) keeps every persistent state. */
class RestartTest {

    @TempDir
    Path dataDir;

    private Broker start() {
        return Broker.builder().bind("127.0.0.1").port(0).storageMode(StorageMode.WAL).dataDir(dataDir).start();
    }

    @Test
    void restart_persistentSubscriptionAndQueue_deliveredAfterRestart() {
        try (Broker broker = start()) {
            assertThat(broker.storageMode()).isEqualTo(StorageMode.WAL);
            RawMqttClient subscriber = Mqtt.connect(broker.port(), "sub", CleanSession.NO, SessionPresent.NO);
            Mqtt.subscribe(subscriber, "q/#", 2);
            Mqtt.disconnect(subscriber);
            RawMqttClient publisher = Mqtt.connect(broker.port(), "pub", CleanSession.YES, SessionPresent.NO);
            Mqtt.publishQos1(publisher, "q/1", Retain.NO, 1, "one");
            Mqtt.publishQos1(publisher, "q/2", Retain.NO, 2, "two");
            Mqtt.disconnect(publisher);
        }
        try (Broker broker = start()) {
            // [MQTT-3.1.2-4] the session survived the restart: Session Present 1 [MQTT-3.2.2-2]
            RawMqttClient subscriber = Mqtt.connect(broker.port(), "sub", CleanSession.NO, SessionPresent.YES);
            ReceivedPublish first = subscriber.readPublish();
            subscriber.send(Packets.puback(first.packetId()));
            ReceivedPublish second = subscriber.readPublish();
            subscriber.send(Packets.puback(second.packetId()));
            assertThat(first.payloadText()).isEqualTo("one");
            assertThat(second.payloadText()).isEqualTo("two");

            RawMqttClient publisher = Mqtt.connect(broker.port(), "pub", CleanSession.YES, SessionPresent.NO);
            Mqtt.publishQos1(publisher, "q/3", Retain.NO, 3, "three"); // the subscription is live again
            assertThat(subscriber.readPublish().payloadText()).isEqualTo("three");
        }
    }

    @Test
    void restart_queueOfSeveralPages_pagedInOrderWithNewMessagesAfter() {
        int stored = 300; // more than four pages of 64
        try (Broker broker = start()) {
            RawMqttClient subscriber = Mqtt.connect(broker.port(), "sub", CleanSession.NO, SessionPresent.NO);
            Mqtt.subscribe(subscriber, "p/#", 1);
            Mqtt.disconnect(subscriber);
            RawMqttClient publisher = Mqtt.connect(broker.port(), "pub", CleanSession.YES, SessionPresent.NO);
            for (int i = 1; i <= stored; i++) {
                Mqtt.publishQos1(publisher, "p/t", Retain.NO, i, "m" + i);
            }
            Mqtt.disconnect(publisher);
        }
        try (Broker broker = start()) {
            RawMqttClient publisher = Mqtt.connect(broker.port(), "pub", CleanSession.YES, SessionPresent.NO);
            Mqtt.publishQos1(publisher, "p/t", Retain.NO, 1, "after restart"); // queued behind the stored ones
            RawMqttClient subscriber = Mqtt.connect(broker.port(), "sub", CleanSession.NO, SessionPresent.YES);
            for (int i = 1; i <= stored; i++) {
                ReceivedPublish received = subscriber.readPublish();
                assertThat(received.payloadText()).isEqualTo("m" + i); // [MQTT-4.6.0-6] order kept
                subscriber.send(Packets.puback(received.packetId()));
            }
            assertThat(subscriber.readPublish().payloadText()).isEqualTo("after restart");
        }
    }

    @Test
    void restart_unacknowledgedInflight_redeliveredWithDupAndSameId() {
        int packetId;
        try (Broker broker = start()) {
            RawMqttClient subscriber = Mqtt.connect(broker.port(), "sub", CleanSession.NO, SessionPresent.NO);
            Mqtt.subscribe(subscriber, "t", 1);
            RawMqttClient publisher = Mqtt.connect(broker.port(), "pub", CleanSession.YES, SessionPresent.NO);
            Mqtt.publishQos1(publisher, "t", Retain.NO, 1, "unacked");
            ReceivedPublish received = subscriber.readPublish();
            packetId = received.packetId();
            assertThat(received.dup()).isEqualTo(Dup.NO);
            subscriber.close(); // no PUBACK
        }
        try (Broker broker = start()) {
            RawMqttClient subscriber = Mqtt.connect(broker.port(), "sub", CleanSession.NO, SessionPresent.YES);
            ReceivedPublish again = subscriber.readPublish();
            // [MQTT-4.4.0-1] resent with its original packet id, DUP=1 [MQTT-3.3.1-1]
            assertThat(again.payloadText()).isEqualTo("unacked");
            assertThat(again.packetId()).isEqualTo(packetId);
            assertThat(again.dup()).isEqualTo(Dup.YES);
        }
    }

    @Test
    void restart_retainedMessage_sentToNewSubscriber() {
        try (Broker broker = start()) {
            RawMqttClient publisher = Mqtt.connect(broker.port(), "pub", CleanSession.YES, SessionPresent.NO);
            Mqtt.publishQos1(publisher, "status", Retain.YES, 1, "online");
        }
        try (Broker broker = start()) {
            RawMqttClient subscriber = Mqtt.connect(broker.port(), "late", CleanSession.YES, SessionPresent.NO);
            Mqtt.subscribe(subscriber, "status", 1);
            ReceivedPublish retained = subscriber.readPublish();
            // [MQTT-3.3.1-6] [MQTT-3.3.1-8]
            assertThat(retained.payloadText()).isEqualTo("online");
            assertThat(retained.retain()).isEqualTo(Retain.YES);
        }
    }

    @Test
    void restart_unreleasedInboundQos2_resendNotRoutedTwice() {
        try (Broker broker = start()) {
            RawMqttClient subscriber = Mqtt.connect(broker.port(), "sub", CleanSession.NO, SessionPresent.NO);
            Mqtt.subscribe(subscriber, "x", 1);
            Mqtt.disconnect(subscriber);
            RawMqttClient publisher = Mqtt.connect(broker.port(), "pub2", CleanSession.NO, SessionPresent.NO);
            publisher.send(Packets.publish("x", 2, Retain.NO, Dup.NO, 9, "once"));
            publisher.expectPacket(Packets.pubrec(9));
            publisher.close(); // no PUBREL before the restart
        }
        try (Broker broker = start()) {
            RawMqttClient publisher = Mqtt.connect(broker.port(), "pub2", CleanSession.NO, SessionPresent.YES);
            // [MQTT-4.3.3-2] the id is still unreleased: the resend gets PUBREC and is not routed again
            publisher.send(Packets.publish("x", 2, Retain.NO, Dup.YES, 9, "once"));
            publisher.expectPacket(Packets.pubrec(9));
            publisher.send(Packets.pubrel(9)).expectPacket(Packets.pubcomp(9));

            RawMqttClient subscriber = Mqtt.connect(broker.port(), "sub", CleanSession.NO, SessionPresent.YES);
            ReceivedPublish only = subscriber.readPublish();
            subscriber.send(Packets.puback(only.packetId()));
            assertThat(only.payloadText()).isEqualTo("once");
            subscriber.expectNothing(Duration.ofMillis(300));
        }
    }
}
