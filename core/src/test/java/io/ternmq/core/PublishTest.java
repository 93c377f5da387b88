package io.ternmq.core;

import io.ternmq.core.TestBroker.SessionMode;
import io.ternmq.core.auth.Authenticator;
import io.ternmq.core.auth.Authorizer;
import io.ternmq.core.auth.ClientIdentity;
import io.ternmq.protocol.Puback;
import io.ternmq.protocol.Pubcomp;
import io.ternmq.protocol.Publish;
import io.ternmq.protocol.Pubrec;
import io.ternmq.protocol.Pubrel;
import io.ternmq.protocol.Qos;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.ternmq.core.TestClient.publish;
import static io.ternmq.core.TestClient.retained;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

class PublishTest {

    private final TestBroker broker = new TestBroker();
    private final TestClient publisher = broker.connected("pub", SessionMode.CLEAN);

    @Test
    void publishQos0_toSubscriber_deliveredWithoutAck() {
        TestClient subscriber = broker.connected("sub", SessionMode.CLEAN);
        subscriber.subscribe(1, "a/b", Qos.EXACTLY_ONCE);

        publisher.send(publish("a/b", Qos.AT_MOST_ONCE, 0, "hello"));

        // [MQTT-3.3.4-1] no reply to QoS 0; [MQTT-4.3.1-1] QoS 0, DUP 0
        assertThat(publisher.take()).isEmpty();
        assertThat(subscriber.channel().publishes()).extracting(Publish::topic, TestClient::text, Publish::qos,
                Publish::dup, Publish::packetId).containsExactly(tuple("a/b", "hello", Qos.AT_MOST_ONCE, false, 0));
        assertThat(broker.core.stats().messagesReceived()).isEqualTo(1);
        assertThat(broker.core.stats().messagesSent()).isEqualTo(1);
    }

    @Test
    void publishQos1_routedThenPuback() {
        TestClient subscriber = broker.connected("sub", SessionMode.CLEAN);
        subscriber.subscribe(1, "a/b", Qos.AT_LEAST_ONCE);

        publisher.send(publish("a/b", Qos.AT_LEAST_ONCE, 42, "x"));

        // [MQTT-4.3.2-2] PUBACK with the same id [MQTT-2.3.1-6]
        assertThat(publisher.take()).containsExactly(new Puback(42));
        assertThat(subscriber.channel().publishes()).extracting(Publish::qos, Publish::packetId, Publish::dup)
                .containsExactly(tuple(Qos.AT_LEAST_ONCE, 1, false));
    }

    @Test
    void publishQos2_resentBeforePubrel_routedOnceButPubrecAgain() {
        TestClient subscriber = broker.connected("sub", SessionMode.CLEAN);
        subscriber.subscribe(1, "a/b", Qos.EXACTLY_ONCE);

        publisher.send(publish("a/b", Qos.EXACTLY_ONCE, 7, "once"));
        publisher.send(new Publish("a/b", Qos.EXACTLY_ONCE, false, true, 7, "once".getBytes()));

        // [MQTT-4.3.3-2] PUBREC each time, one onward delivery
        assertThat(publisher.take()).containsExactly(new Pubrec(7), new Pubrec(7));
        assertThat(subscriber.channel().publishes()).hasSize(1);

        publisher.send(new Pubrel(7));
        assertThat(publisher.take()).containsExactly(new Pubcomp(7));

        // after PUBCOMP the id starts a new message
        publisher.send(publish("a/b", Qos.EXACTLY_ONCE, 7, "again"));
        assertThat(subscriber.channel().publishes()).extracting(TestClient::text).containsExactly("once", "again");
    }

    @Test
    void pubrel_unknownId_stillPubcomp() {
        publisher.send(new Pubrel(999));

        assertThat(publisher.take()).containsExactly(new Pubcomp(999));
        assertThat(publisher.channel().isClosed()).isFalse();
    }

    @Test
    void publish_notAuthorized_acknowledgedButNotRoutedAndCounted() {
        Authorizer denyPublish = new Authorizer() {
            @Override
            public boolean mayPublish(ClientIdentity client, String topic) {
                return !topic.startsWith("secret");
            }

            @Override
            public boolean maySubscribe(ClientIdentity client, String topicFilter) {
                return true;
            }
        };
        TestBroker strict = new TestBroker(new CoreConfig(2, 4, 8), Authenticator.ALLOW_ALL, denyPublish,
                CoreStores.inMemory());
        TestClient subscriber = strict.connected("sub", SessionMode.CLEAN);
        subscriber.subscribe(1, "#", Qos.EXACTLY_ONCE);
        TestClient client = strict.connected("pub", SessionMode.CLEAN);

        client.send(publish("secret/a", Qos.AT_LEAST_ONCE, 1, "x"));
        client.send(publish("secret/b", Qos.EXACTLY_ONCE, 2, "x"));

        // [MQTT-3.3.5-2] acknowledged normally, not delivered
        assertThat(client.take()).containsExactly(new Puback(1), new Pubrec(2));
        assertThat(client.channel().isClosed()).isFalse();
        assertThat(subscriber.channel().publishes()).isEmpty();
        assertThat(strict.core.stats().unauthorizedPublishes()).isEqualTo(2);
    }

    @Test
    void delivery_qos_isMinimumOfPublishedAndGranted() {
        TestClient low = broker.connected("low", SessionMode.CLEAN);
        low.subscribe(1, "t", Qos.AT_MOST_ONCE);
        TestClient high = broker.connected("high", SessionMode.CLEAN);
        high.subscribe(1, "t", Qos.EXACTLY_ONCE);

        publisher.send(publish("t", Qos.AT_LEAST_ONCE, 3, "m"));

        // [MQTT-3.8.4-6]; [MQTT-4.5.0-1] every matching subscriber gets it
        assertThat(low.channel().publishes()).extracting(Publish::qos).containsExactly(Qos.AT_MOST_ONCE);
        assertThat(high.channel().publishes()).extracting(Publish::qos).containsExactly(Qos.AT_LEAST_ONCE);
    }

    @Test
    void delivery_overlappingSubscriptions_onceAtHighestGrantedQos() {
        TestClient subscriber = broker.connected("sub", SessionMode.CLEAN);
        subscriber.subscribe(1, "a/#", Qos.AT_MOST_ONCE);
        subscriber.subscribe(2, "a/+", Qos.EXACTLY_ONCE);
        subscriber.subscribe(3, "a/b", Qos.AT_LEAST_ONCE);

        publisher.send(publish("a/b", Qos.EXACTLY_ONCE, 3, "m"));

        // [MQTT-3.3.5-1]
        assertThat(subscriber.channel().publishes()).extracting(Publish::qos).containsExactly(Qos.EXACTLY_ONCE);
    }

    @Test
    void delivery_qos2ToSubscriber_fullFlowFreesWindow() {
        TestBroker narrow = new TestBroker(new CoreConfig(2, 1, 8));
        TestClient subscriber = narrow.connected("sub", SessionMode.CLEAN);
        subscriber.subscribe(1, "t", Qos.EXACTLY_ONCE);
        TestClient client = narrow.connected("pub", SessionMode.CLEAN);
        client.send(publish("t", Qos.EXACTLY_ONCE, 1, "first"));
        client.send(publish("t", Qos.EXACTLY_ONCE, 2, "second"));
        assertThat(subscriber.take()).extracting(p -> ((Publish) p).packetId()).containsExactly(1);

        // [MQTT-4.3.3-1] PUBREC -> PUBREL (same id), PUBCOMP frees the slot for the next message
        subscriber.send(new Pubrec(1));
        assertThat(subscriber.take()).containsExactly(new Pubrel(1));
        subscriber.send(new Pubcomp(1));
        assertThat(subscriber.channel().publishes()).extracting(TestClient::text, Publish::packetId)
                .containsExactly(tuple("second", 2));
    }

    @Test
    void delivery_windowFull_queuedAndDrainedInPublishOrder() {
        TestBroker narrow = new TestBroker(new CoreConfig(3, 2, 100));
        TestClient subscriber = narrow.connected("sub", SessionMode.CLEAN);
        subscriber.subscribe(1, "t/#", Qos.AT_LEAST_ONCE);
        TestClient client = narrow.connected("pub", SessionMode.CLEAN);
        for (int i = 0; i < 6; i++) {
            client.send(publish("t/x", Qos.AT_LEAST_ONCE, i + 1, "m" + i));
        }
        assertThat(subscriber.channel().publishes()).hasSize(2);
        assertThat(narrow.sessionInfo("sub")).get().extracting(SessionInfo::inflightMessages,
                SessionInfo::queuedMessages).containsExactly(2, 4);

        List<Publish> received = new java.util.ArrayList<>();
        while (received.size() < 6) {
            List<Publish> batch = subscriber.take().stream().map(Publish.class::cast).toList();
            received.addAll(batch);
            batch.forEach(p -> subscriber.send(new Puback(p.packetId())));
        }

        // [MQTT-4.6.0-6] same topic, same QoS: the publisher's order
        assertThat(received).extracting(TestClient::text).containsExactly("m0", "m1", "m2", "m3", "m4", "m5");
        assertThat(received).extracting(Publish::packetId).doesNotHaveDuplicates().doesNotContain(0);
    }

    @Test
    void retainedPublish_routedCopy_hasRetainZero() {
        TestClient subscriber = broker.connected("sub", SessionMode.CLEAN);
        subscriber.subscribe(1, "r", Qos.AT_LEAST_ONCE);

        publisher.send(retained("r", Qos.AT_LEAST_ONCE, 1, "kept"));

        // [MQTT-3.3.1-9] established subscription: RETAIN=0
        assertThat(subscriber.channel().publishes()).extracting(Publish::retain).containsExactly(false);
    }

    @Test
    void retainedPublish_newSubscriber_getsItWithRetainOneAndItsQos() {
        publisher.send(retained("r", Qos.AT_LEAST_ONCE, 1, "kept"));
        TestClient late = broker.connected("late", SessionMode.CLEAN);

        late.send(new io.ternmq.protocol.Subscribe(9, List.of(
                new io.ternmq.protocol.TopicSubscription("r", Qos.EXACTLY_ONCE))));

        // [MQTT-3.3.1-5] kept with its QoS; [MQTT-3.3.1-6] sent after SUBACK; [MQTT-3.3.1-8] RETAIN=1
        List<io.ternmq.protocol.MqttPacket> sent = late.take();
        assertThat(sent.get(0)).isEqualTo(new io.ternmq.protocol.Suback(9, List.of(2)));
        assertThat(sent.subList(1, sent.size())).map(Publish.class::cast)
                .extracting(TestClient::text, Publish::retain, Publish::qos)
                .containsExactly(tuple("kept", true, Qos.AT_LEAST_ONCE));
    }

    @Test
    void retainedPublish_replacedByLaterOne_evenQos0() {
        publisher.send(retained("r", Qos.EXACTLY_ONCE, 1, "old"));
        publisher.send(retained("r", Qos.AT_MOST_ONCE, 0, "new"));
        TestClient late = broker.connected("late", SessionMode.CLEAN);

        late.subscribe(1, "r", Qos.EXACTLY_ONCE);

        // [MQTT-3.3.1-7] a QoS 0 retained message replaces the earlier one
        assertThat(late.channel().publishes()).extracting(TestClient::text, Publish::qos)
                .containsExactly(tuple("new", Qos.AT_MOST_ONCE));
    }

    @Test
    void retainedPublish_emptyPayload_deletesAndIsForwardedNotStored() {
        TestClient subscriber = broker.connected("sub", SessionMode.CLEAN);
        subscriber.subscribe(1, "r", Qos.AT_MOST_ONCE);
        publisher.send(retained("r", Qos.AT_MOST_ONCE, 0, "kept"));
        publisher.send(retained("r", Qos.AT_MOST_ONCE, 0, ""));

        // [MQTT-3.3.1-10] forwarded as usual
        assertThat(subscriber.channel().publishes()).extracting(TestClient::text).containsExactly("kept", "");
        TestClient late = broker.connected("late", SessionMode.CLEAN);
        late.subscribe(2, "r", Qos.AT_MOST_ONCE);
        // [MQTT-3.3.1-10] cleared; [MQTT-3.3.1-11] the empty message itself is not kept
        assertThat(late.channel().publishes()).isEmpty();
    }

    @Test
    void nonRetainedPublish_leavesRetainedMessageAlone() {
        publisher.send(retained("r", Qos.AT_MOST_ONCE, 0, "kept"));
        publisher.send(publish("r", Qos.AT_MOST_ONCE, 0, "passing"));
        TestClient late = broker.connected("late", SessionMode.CLEAN);

        late.subscribe(1, "r", Qos.AT_MOST_ONCE);

        // [MQTT-3.3.1-12]
        assertThat(late.channel().publishes()).extracting(TestClient::text).containsExactly("kept");
    }

    @Test
    void retainedMessages_survivePublisherSessionEnd() {
        publisher.send(retained("r", Qos.AT_MOST_ONCE, 0, "kept"));
        publisher.send(io.ternmq.protocol.Disconnect.INSTANCE);
        TestClient late = broker.connected("late", SessionMode.CLEAN);

        late.subscribe(1, "r", Qos.AT_MOST_ONCE);

        // [MQTT-3.1.2-7] retained messages are not session state
        assertThat(late.channel().publishes()).extracting(TestClient::text).containsExactly("kept");
    }

    @Test
    void publish_systemTopic_notMatchedByLeadingWildcard() {
        TestClient all = broker.connected("all", SessionMode.CLEAN);
        all.subscribe(1, "#", Qos.AT_MOST_ONCE);
        TestClient sys = broker.connected("sys", SessionMode.CLEAN);
        sys.subscribe(1, "$SYS/#", Qos.AT_MOST_ONCE);

        publisher.send(publish("$SYS/uptime", Qos.AT_MOST_ONCE, 0, "1"));

        // [MQTT-4.7.2-1]
        assertThat(all.channel().publishes()).isEmpty();
        assertThat(sys.channel().publishes()).hasSize(1);
    }

    @Test
    void forwardedPublish_inboundDupSet_outboundDupReflectsOnlyOwnRetransmission() {
        TestClient subscriber = broker.connected("sub", SessionMode.CLEAN);
        subscriber.subscribe(1, "t", Qos.AT_LEAST_ONCE);

        publisher.send(new Publish("t", Qos.AT_LEAST_ONCE, false, true, 5, "d".getBytes()));

        // [MQTT-3.3.1-3]
        assertThat(subscriber.channel().publishes()).extracting(Publish::dup).containsExactly(false);
    }

    @Test
    void publishQos1_sameIdAfterPuback_isNewMessage() {
        TestClient subscriber = broker.connected("sub", SessionMode.CLEAN);
        subscriber.subscribe(1, "t", Qos.AT_MOST_ONCE);

        publisher.send(publish("t", Qos.AT_LEAST_ONCE, 5, "one"));
        publisher.send(new Publish("t", Qos.AT_LEAST_ONCE, false, true, 5, "two".getBytes()));

        // [MQTT-4.3.2-2] after the PUBACK the id names a new message, whatever DUP says
        assertThat(publisher.take()).containsExactly(new Puback(5), new Puback(5));
        assertThat(subscriber.channel().publishes()).extracting(TestClient::text).containsExactly("one", "two");
    }
}
