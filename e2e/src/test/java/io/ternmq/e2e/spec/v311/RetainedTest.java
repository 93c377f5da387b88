package io.ternmq.e2e.spec.v311;

import io.ternmq.e2e.BrokerExtension;
import io.ternmq.e2e.Flows;
import io.ternmq.testkit.Dup;
import io.ternmq.testkit.Packets;
import io.ternmq.testkit.RawMqttClient;
import io.ternmq.testkit.ReceivedPublish;
import io.ternmq.testkit.Retain;
import io.ternmq.testkit.Subscription;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Retained messages: store, replace, delete, and the RETAIN flag on delivery (section 3.3.1.3). */
class RetainedTest {

    @RegisterExtension
    static final BrokerExtension broker = BrokerExtension.withDefaults();

    /** Subscribes a new client and returns it once the SUBACK is in; retained messages follow. */
    private static RawMqttClient newSubscriber(String clientId, String filter, int qos) {
        return broker.subscriber(clientId, filter, qos);
    }

    @Test
    void retained_qos1_storedWithItsQosAndSentToNewSubscriberWithRetainFlag() {
        // [MQTT-3.3.1-5] [MQTT-3.3.1-8]
        Flows.publishRetained(broker.connected("r-store-pub"), "r/store", "kept", 1);
        RawMqttClient subscriber = newSubscriber("r-store-sub", "r/store", 2);
        ReceivedPublish p = Flows.expectPublish(subscriber, "r/store", "kept", 1);
        assertThat(p.retain()).isEqualTo(Retain.YES);
        assertThat(p.dup()).isEqualTo(Dup.NO);
    }

    @Test
    void retained_eachMatchingTopic_sentWhenSubscriptionCreated() {
        // [MQTT-3.3.1-6]
        RawMqttClient publisher = broker.connected("r-each-pub");
        Flows.publishRetained(publisher, "r/each/a", "A", 1);
        Flows.publishRetained(publisher, "r/each/b", "B", 2);
        Flows.publishRetained(publisher, "r/other/c", "C", 3);
        RawMqttClient subscriber = newSubscriber("r-each-sub", "r/each/+", 0);
        List<String> topics = List.of(subscriber.readPublish().topic(), subscriber.readPublish().topic());
        assertThat(topics).containsExactlyInAnyOrder("r/each/a", "r/each/b");
    }

    @Test
    void retained_qos0Retain_replacesPreviousRetainedMessage() {
        // [MQTT-3.3.1-7]
        RawMqttClient publisher = broker.connected("r-replace-pub");
        Flows.publishRetained(publisher, "r/replace", "old", 1);
        publisher.send(Packets.publish("r/replace", 0, Retain.YES, Dup.NO, 0, "new"));
        Flows.publishQos1(publisher, "r/replace", "barrier", 2); // acknowledged after the QoS 0 one was handled
        RawMqttClient subscriber = newSubscriber("r-replace-sub", "r/replace", 1);
        Flows.expectPublish(subscriber, "r/replace", "new", 0);
        Flows.expectMarkerNext(subscriber, publisher, "r/replace");
    }

    @Test
    void retained_establishedSubscription_receivesRetain0() {
        // [MQTT-3.3.1-9]
        RawMqttClient subscriber = newSubscriber("r-live-sub", "r/live", 1);
        Flows.publishRetained(broker.connected("r-live-pub"), "r/live", "live", 1);
        assertThat(Flows.expectPublish(subscriber, "r/live", "live", 1).retain()).isEqualTo(Retain.NO);
    }

    @Test
    void retained_emptyPayload_forwardedAndClearsRetainedMessage() {
        // [MQTT-3.3.1-10] [MQTT-3.3.1-11]
        RawMqttClient publisher = broker.connected("r-clear-pub");
        Flows.publishRetained(publisher, "r/clear", "to be cleared", 1);
        RawMqttClient live = newSubscriber("r-clear-live", "r/clear", 0);
        Flows.expectPublish(live, "r/clear", "to be cleared", 0);
        Flows.publishRetained(publisher, "r/clear", "", 2);
        ReceivedPublish forwarded = Flows.expectPublish(live, "r/clear", "", 0);
        assertThat(forwarded.retain()).isEqualTo(Retain.NO);

        RawMqttClient late = newSubscriber("r-clear-late", "r/clear", 0);
        Flows.expectMarkerNext(late, publisher, "r/clear");
    }

    @Test
    void retained_emptyPayloadOnFreshTopic_isNotStored() {
        // [MQTT-3.3.1-11]
        RawMqttClient publisher = broker.connected("r-empty-pub");
        Flows.publishRetained(publisher, "r/empty", "", 1);
        RawMqttClient late = newSubscriber("r-empty-late", "r/empty", 0);
        Flows.expectMarkerNext(late, publisher, "r/empty");
    }

    @Test
    void retained_publishWithRetain0_leavesRetainedMessageUntouched() {
        // [MQTT-3.3.1-12]
        RawMqttClient publisher = broker.connected("r-keep-pub");
        Flows.publishRetained(publisher, "r/keep", "retained", 1);
        Flows.publishQos1(publisher, "r/keep", "not retained", 2);
        RawMqttClient late = newSubscriber("r-keep-late", "r/keep", 1);
        ReceivedPublish p = Flows.expectPublish(late, "r/keep", "retained", 1);
        assertThat(p.retain()).isEqualTo(Retain.YES);
    }

    @Test
    void retained_publisherSessionEnds_retainedMessageSurvives() {
        // [MQTT-3.1.2-7]
        RawMqttClient publisher = broker.connected("r-survive-pub");
        Flows.publishRetained(publisher, "r/survive", "still here", 1);
        publisher.send(Packets.disconnect()).expectClosed();
        RawMqttClient late = newSubscriber("r-survive-sub", "r/survive", 1);
        assertThat(Flows.expectPublish(late, "r/survive", "still here", 1).retain()).isEqualTo(Retain.YES);
    }

    @Test
    void retained_resubscribeSameFilter_resendsRetainedAndReplacesSubscription() {
        // [MQTT-3.8.4-3]
        RawMqttClient publisher = broker.connected("r-resub-pub");
        Flows.publishRetained(publisher, "r/resub", "retained", 1);
        RawMqttClient subscriber = newSubscriber("r-resub-sub", "r/resub", 0);
        Flows.expectPublish(subscriber, "r/resub", "retained", 0);

        subscriber.send(Packets.subscribe(2, new Subscription("r/resub", 1))).expectPacket(Packets.suback(2, 1));
        ReceivedPublish again = Flows.expectPublish(subscriber, "r/resub", "retained", 1);
        assertThat(again.retain()).isEqualTo(Retain.YES);
        Flows.acknowledge(subscriber, again);

        Flows.publishQos1(publisher, "r/resub", "after", 2);
        Flows.acknowledge(subscriber, Flows.expectPublish(subscriber, "r/resub", "after", 1));
        Flows.expectMarkerNext(subscriber, publisher, "r/resub");
    }
}
