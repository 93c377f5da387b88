package io.ternmq.core;

import io.ternmq.protocol.MqttPacket;
import io.ternmq.protocol.Puback;
import io.ternmq.protocol.Publish;
import io.ternmq.protocol.Qos;
import io.ternmq.protocol.RetainHandling;
import io.ternmq.protocol.Subscribe;
import io.ternmq.protocol.SubscribeProperties;
import io.ternmq.protocol.TopicSubscription;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Subscription options, identifiers and shared groups through the whole core, on hand-driven threads. */
class SharedSubscriptionCoreTest {

    private final TestBroker broker = new TestBroker(new CoreConfig(3, 4, 8));

    private static List<Publish> publishes(TestClient client) {
        List<Publish> result = new ArrayList<>();
        for (MqttPacket packet : client.take()) {
            if (packet instanceof Publish publish) {
                result.add(publish);
            }
        }
        return result;
    }

    private static List<String> payloads(TestClient client) {
        return publishes(client).stream().map(TestClient::text).toList();
    }

    private static void subscribe(TestClient client, String filter, Qos qos, int identifier) {
        client.send(new Subscribe(1, List.of(new TopicSubscription(filter, qos, false, false,
                RetainHandling.SEND_ON_SUBSCRIBE)), new SubscribeProperties(identifier, List.of())));
        client.take();
    }

    @Test
    void shared_membersOnDifferentThreads_alternate() {
        TestClient a = Mqtt5Clients.connected(broker, "a");
        TestClient b = Mqtt5Clients.connected(broker, "b");
        a.subscribe(1, "$share/g/t", Qos.AT_MOST_ONCE);
        b.subscribe(1, "$share/g/t", Qos.AT_MOST_ONCE);
        TestClient publisher = Mqtt5Clients.connected(broker, "p");

        for (int i = 0; i < 6; i++) {
            publisher.send(TestClient.publish("t", Qos.AT_MOST_ONCE, 0, "m" + i));
        }

        List<String> toA = payloads(a);
        List<String> toB = payloads(b);
        assertThat(toA).hasSize(3);
        assertThat(toB).hasSize(3);
        List<String> all = new ArrayList<>(toA);
        all.addAll(toB);
        assertThat(all).containsExactlyInAnyOrder("m0", "m1", "m2", "m3", "m4", "m5");
    }

    @Test
    void shared_memberWithFullWindowAndBacklog_othersPreferred() {
        TestClient slow = Mqtt5Clients.connected(broker, "slow"); // never acknowledges; window of 4
        slow.subscribe(1, "$share/g/t", Qos.AT_LEAST_ONCE);
        TestClient fast = Mqtt5Clients.connected(broker, "fast");
        fast.subscribe(1, "$share/g/t", Qos.AT_LEAST_ONCE);
        TestClient publisher = Mqtt5Clients.connected(broker, "p");
        List<String> toFast = new ArrayList<>();

        for (int i = 0; i < 20; i++) {
            publisher.send(TestClient.publish("t", Qos.AT_LEAST_ONCE, i + 1, "m" + i));
            for (Publish p : publishes(fast)) {
                toFast.add(TestClient.text(p));
                fast.send(new Puback(p.packetId()));
            }
        }

        // alternating until the slow member's window is full and one message waits in its queue: then busy
        assertThat(payloads(slow)).containsExactly("m0", "m2", "m4", "m6");
        assertThat(broker.sessionInfo("slow").orElseThrow().queuedMessages()).isEqualTo(1);
        assertThat(toFast).hasSize(15);
    }

    @Test
    void shared_memberSessionEndsWithQueuedAndInflightQos1_allGoToTheOtherMember() {
        TestClient leaving = Mqtt5Clients.connected(broker, "leaving");
        leaving.subscribe(1, "$share/g/t", Qos.AT_LEAST_ONCE);
        TestClient publisher = Mqtt5Clients.connected(broker, "p");
        for (int i = 0; i < 6; i++) { // window 4: four in flight, two queued, none acknowledged
            publisher.send(TestClient.publish("t", Qos.AT_LEAST_ONCE, i + 1, "m" + i));
        }
        assertThat(payloads(leaving)).containsExactly("m0", "m1", "m2", "m3");
        TestClient staying = Mqtt5Clients.connected(broker, "staying");
        staying.subscribe(1, "$share/g/t", Qos.AT_LEAST_ONCE);

        leaving.networkClosed(); // session expiry 0: the session ends

        List<Publish> moved = publishes(staying);
        assertThat(moved).extracting(TestClient::text).containsExactly("m0", "m1", "m2", "m3");
        assertThat(moved).allSatisfy(p -> assertThat(p.dup()).isFalse());
        for (Publish p : moved) {
            staying.send(new Puback(p.packetId()));
        }
        assertThat(payloads(staying)).containsExactly("m4", "m5");
    }

    @Test
    void shared_messagePickedForAMemberThatEndsBeforeItArrives_goesToAnotherMember() {
        // client ids chosen for their threads: "pub" on thread 0 routes before "leaver" (thread 2) runs its tasks
        TestClient leaving = Mqtt5Clients.connected(broker, "leaver");
        leaving.subscribe(1, "$share/g/t", Qos.AT_LEAST_ONCE);
        TestClient other = Mqtt5Clients.connected(broker, "other");
        other.subscribe(1, "$share/g/t", Qos.AT_LEAST_ONCE);
        TestClient publisher = Mqtt5Clients.connected(broker, "pub");
        publisher.send(TestClient.publish("t", Qos.AT_LEAST_ONCE, 1, "m1")); // round-robin: leaver, other, leaver
        publisher.send(TestClient.publish("t", Qos.AT_LEAST_ONCE, 2, "m2"));
        assertThat(payloads(leaving)).containsExactly("m1");

        // the leaver's session ends (task queued first); the next message is picked for it and queued behind that
        leaving.connection().onChannelClosed();
        publisher.connection().onPacket(TestClient.publish("t", Qos.AT_LEAST_ONCE, 3, "in transit"));
        broker.drain();

        assertThat(payloads(other)).containsExactlyInAnyOrder("m2", "m1", "in transit");
    }

    @Test
    void shared_memberSessionEndsWithQos2InFlight_notMoved() {
        // [MQTT-4.8.2-5]
        TestClient leaving = Mqtt5Clients.connected(broker, "leaving");
        leaving.subscribe(1, "$share/g/t", Qos.EXACTLY_ONCE);
        TestClient publisher = Mqtt5Clients.connected(broker, "p");
        publisher.send(TestClient.publish("t", Qos.EXACTLY_ONCE, 1, "q2"));
        assertThat(payloads(leaving)).containsExactly("q2");
        TestClient staying = Mqtt5Clients.connected(broker, "staying");
        staying.subscribe(1, "$share/g/t", Qos.EXACTLY_ONCE);

        leaving.networkClosed();

        assertThat(publishes(staying)).isEmpty();
    }

    @Test
    void shared_identifiersOfThePickedMember_onItsCopy() {
        // [MQTT-3.3.4-5] each copy carries its own subscription's identifier; [MQTT-4.8.2-3] its granted QoS
        TestClient member = Mqtt5Clients.connected(broker, "m");
        subscribe(member, "$share/g/t", Qos.AT_MOST_ONCE, 11);
        subscribe(member, "t", Qos.AT_LEAST_ONCE, 12);
        TestClient publisher = Mqtt5Clients.connected(broker, "p");

        publisher.send(TestClient.publish("t", Qos.AT_LEAST_ONCE, 1, "x"));

        // one copy for the shared subscription, one for the non-shared one (4.8.2 allows both)
        List<Publish> received = publishes(member);
        assertThat(received).hasSize(2);
        assertThat(received).anySatisfy(p -> {
            assertThat(p.properties().subscriptionIdentifiers()).containsExactly(11);
            assertThat(p.qos()).isEqualTo(Qos.AT_MOST_ONCE);
        });
        assertThat(received).anySatisfy(p -> {
            assertThat(p.properties().subscriptionIdentifiers()).containsExactly(12);
            assertThat(p.qos()).isEqualTo(Qos.AT_LEAST_ONCE);
        });
    }

    @Test
    void noLocal_ownPublish_notDeliveredButOthersAre() {
        // [MQTT-3.8.3-3]
        TestClient client = Mqtt5Clients.connected(broker, "self");
        client.send(new Subscribe(1, List.of(new TopicSubscription("t", Qos.AT_MOST_ONCE, true, false,
                RetainHandling.SEND_ON_SUBSCRIBE))));
        client.take();
        TestClient other = Mqtt5Clients.connected(broker, "other");

        client.send(TestClient.publish("t", Qos.AT_MOST_ONCE, 0, "own"));
        other.send(TestClient.publish("t", Qos.AT_MOST_ONCE, 0, "theirs"));

        assertThat(payloads(client)).containsExactly("theirs");
    }

    @Test
    void sessionInfo_sharedSubscription_listedWithFullFilter() {
        TestClient client = Mqtt5Clients.connected(broker, "c");
        client.subscribe(1, "$share/g/a/#", Qos.AT_LEAST_ONCE);

        assertThat(broker.sessionInfo("c").orElseThrow().topicFilters()).containsExactly("$share/g/a/#");
        assertThat(broker.core.stats().subscriptions()).isEqualTo(1);
    }
}
