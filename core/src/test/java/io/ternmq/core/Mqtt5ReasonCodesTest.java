package io.ternmq.core;

import io.ternmq.core.auth.Authenticator;
import io.ternmq.core.auth.AuthenticationResult;
import io.ternmq.core.auth.Authorizer;
import io.ternmq.core.auth.ClientIdentity;
import io.ternmq.protocol.AckProperties;
import io.ternmq.protocol.Connack;
import io.ternmq.protocol.ConnackProperties;
import io.ternmq.protocol.Connect;
import io.ternmq.protocol.ConnectProperties;
import io.ternmq.protocol.Disconnect;
import io.ternmq.protocol.DisconnectProperties;
import io.ternmq.protocol.MalformedPacketException;
import io.ternmq.protocol.PayloadFormat;
import io.ternmq.protocol.ProtocolVersion;
import io.ternmq.protocol.Puback;
import io.ternmq.protocol.Pubcomp;
import io.ternmq.protocol.Publish;
import io.ternmq.protocol.PublishProperties;
import io.ternmq.protocol.Pubrec;
import io.ternmq.protocol.Pubrel;
import io.ternmq.protocol.Qos;
import io.ternmq.protocol.ReasonCode;
import io.ternmq.protocol.Suback;
import io.ternmq.protocol.Subscribe;
import io.ternmq.protocol.SubscribeProperties;
import io.ternmq.protocol.TopicSubscription;
import io.ternmq.protocol.Unsuback;
import io.ternmq.protocol.Unsubscribe;
import io.ternmq.protocol.UserProperty;
import io.ternmq.protocol.Will;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static io.ternmq.core.TestClient.publish;
import static org.assertj.core.api.Assertions.assertThat;

/** The MQTT 5 answers of the core: CONNACK properties, reason codes on acks, server DISCONNECT, will on 0x04. */
class Mqtt5ReasonCodesTest {

    private static final Authorizer DENY_SECRET = new Authorizer() {
        @Override
        public boolean mayPublish(ClientIdentity client, String topic) {
            return !topic.startsWith("secret");
        }

        @Override
        public boolean maySubscribe(ClientIdentity client, String topicFilter) {
            return !topicFilter.startsWith("secret");
        }
    };

    private final TestBroker broker = new TestBroker(new CoreConfig(2, 4, 8, new TopicLimits(64, 8, 2)),
            Authenticator.ALLOW_ALL, DENY_SECRET, CoreStores.inMemory());

    private static Disconnect disconnect(ReasonCode code) {
        return new Disconnect(code, DisconnectProperties.EMPTY);
    }

    @Test
    void connack_accepted_announcesLimitsAndUnavailableFeatures() {
        TestClient client = broker.client("peer");
        client.send(Mqtt5Clients.connect("c1", 0, null));

        Connack connack = (Connack) client.take().getFirst();
        ConnackProperties properties = connack.properties();
        assertThat(connack.returnCode()).isEqualTo(ReasonCode.SUCCESS.value());
        assertThat(properties.maximumPacketSize()).isEqualTo((long) Mqtt5Settings.PROTOCOL_MAXIMUM_PACKET_SIZE);
        assertThat(properties.subscriptionIdentifiersAvailable()).isFalse();
        assertThat(properties.sharedSubscriptionAvailable()).isFalse();
        assertThat(properties.assignedClientIdentifier()).isNull();
        assertThat(properties.topicAliasMaximum()).isEqualTo(Mqtt5Settings.DEFAULTS.topicAliasMaximum());
    }

    @Test
    void connect_emptyClientIdWithCleanStart0_acceptedWithAssignedIdentifier() {
        TestClient client = broker.client("peer");
        var properties = new ConnectProperties(60L, null, null, null, null, null, null, null, List.of());
        client.send(new Connect(ProtocolVersion.MQTT_5, "", false, 0, null, null, null, properties));

        // [MQTT-3.1.3-6] [MQTT-3.1.3-7] [MQTT-3.2.2-16]
        Connack connack = (Connack) client.take().getFirst();
        assertThat(connack.returnCode()).isZero();
        assertThat(connack.properties().assignedClientIdentifier()).isNotBlank();
        assertThat(broker.sessionInfo(connack.properties().assignedClientIdentifier())).isPresent();
    }

    @Test
    void connect_badCredentials_connack86SessionPresent0ThenClosed() {
        TestBroker refusing = new TestBroker(new CoreConfig(1, 4, 8),
                request -> CompletableFuture.completedFuture(AuthenticationResult.BAD_USERNAME_OR_PASSWORD),
                Authorizer.ALLOW_ALL, CoreStores.inMemory());
        TestClient client = refusing.client("peer");
        client.send(Mqtt5Clients.connect("c1", 0, null));

        // [MQTT-3.2.2-6] Session Present 0; [MQTT-3.2.2-7] closed after a code of 0x80 or above
        assertThat(client.take()).containsExactly(
                new Connack(false, ReasonCode.BAD_USER_NAME_OR_PASSWORD, ConnackProperties.EMPTY));
        assertThat(client.channel().isClosed()).isTrue();
    }

    @Test
    void publishQos1_noSubscribers_puback10() {
        TestClient publisher = Mqtt5Clients.connected(broker, "pub");

        publisher.send(publish("a/b", Qos.AT_LEAST_ONCE, 3, "x"));

        // [MQTT-3.4.2-1] 0x10 No matching subscribers
        assertThat(publisher.take()).containsExactly(
                new Puback(3, ReasonCode.NO_MATCHING_SUBSCRIBERS, AckProperties.EMPTY));
    }

    @Test
    void publishQos1_notAuthorized_puback87NotRouted() {
        TestClient subscriber = Mqtt5Clients.connected(broker, "sub");
        subscriber.subscribe(1, "#", Qos.AT_LEAST_ONCE);
        TestClient publisher = Mqtt5Clients.connected(broker, "pub");

        publisher.send(publish("secret/a", Qos.AT_LEAST_ONCE, 4, "x"));

        assertThat(publisher.take()).containsExactly(new Puback(4, ReasonCode.NOT_AUTHORIZED, AckProperties.EMPTY));
        assertThat(subscriber.take()).isEmpty();
    }

    @Test
    void publishQos2_notAuthorized_pubrec87AndIdNotKept() {
        TestClient publisher = Mqtt5Clients.connected(broker, "pub");

        publisher.send(publish("secret/a", Qos.EXACTLY_ONCE, 5, "x"));
        publisher.send(new Pubrel(5));

        // [MQTT-3.5.2-1] 0x87; [MQTT-4.3.3-9] the flow ended, so the id is unknown at PUBREL: 0x92 [MQTT-3.7.2-1]
        assertThat(publisher.take()).containsExactly(
                new Pubrec(5, ReasonCode.NOT_AUTHORIZED, AckProperties.EMPTY),
                new Pubcomp(5, ReasonCode.PACKET_IDENTIFIER_NOT_FOUND, AckProperties.EMPTY));
    }

    @Test
    void publishQos2_delivered_pubrecSuccessThenPubcompSuccess() {
        TestClient subscriber = Mqtt5Clients.connected(broker, "sub");
        subscriber.subscribe(1, "a/b", Qos.EXACTLY_ONCE);
        TestClient publisher = Mqtt5Clients.connected(broker, "pub");

        publisher.send(publish("a/b", Qos.EXACTLY_ONCE, 6, "x"));
        publisher.send(new Pubrel(6));

        // [MQTT-4.3.3-8] [MQTT-4.3.3-11]
        assertThat(publisher.take()).containsExactly(new Pubrec(6), new Pubcomp(6));
    }

    @Test
    void publish_withProperties_forwardedUnchangedToMqtt5Subscriber() {
        TestClient subscriber = Mqtt5Clients.connected(broker, "sub");
        subscriber.subscribe(1, "req/#", Qos.AT_LEAST_ONCE);
        TestClient publisher = Mqtt5Clients.connected(broker, "pub");
        var properties = new PublishProperties(PayloadFormat.UTF8, null, null, "resp/1",
                new byte[] {1, 2, 3}, List.of(new UserProperty("k", "2"), new UserProperty("k", "1")), List.of(),
                "text/plain");

        publisher.send(new Publish("req/x", Qos.AT_MOST_ONCE, false, false, 0, bytes("q0"), properties));
        publisher.send(new Publish("req/x", Qos.AT_LEAST_ONCE, false, false, 9, bytes("q1"), properties));

        // [MQTT-3.3.2-4] [MQTT-3.3.2-15] [MQTT-3.3.2-16] [MQTT-3.3.2-17] [MQTT-3.3.2-18] [MQTT-3.3.2-20]
        assertThat(subscriber.channel().publishes()).hasSize(2).allSatisfy(delivered -> {
            assertThat(delivered.properties().userProperties()).isEqualTo(properties.userProperties());
            assertThat(delivered.properties().correlationData()).isEqualTo(new byte[] {1, 2, 3});
            assertThat(delivered.properties().responseTopic()).isEqualTo("resp/1");
            assertThat(delivered.properties().contentType()).isEqualTo("text/plain");
            assertThat(delivered.properties().payloadFormatIndicator()).isEqualTo(PayloadFormat.UTF8);
        });
    }

    @Test
    void publish_topicAliasAboveTheMaximum_disconnect94() {
        // [MQTT-3.2.2-17] [MQTT-3.3.2-9]
        TestClient publisher = Mqtt5Clients.connected(broker, "pub");
        int aboveMaximum = Mqtt5Settings.DEFAULTS.topicAliasMaximum() + 1;
        var alias = new PublishProperties(null, null, aboveMaximum, null, null, List.of(), List.of(), null);

        publisher.send(new Publish("a", Qos.AT_MOST_ONCE, false, false, 0, bytes("x"), alias));

        assertThat(publisher.take()).containsExactly(disconnect(ReasonCode.TOPIC_ALIAS_INVALID));
        assertThat(publisher.channel().isClosed()).isTrue();
    }

    @Test
    void publish_subscriptionIdentifierFromClient_disconnect82() {
        TestClient publisher = Mqtt5Clients.connected(broker, "pub");
        var ids = new PublishProperties(null, null, null, null, null, List.of(), List.of(7), null);

        publisher.send(new Publish("a", Qos.AT_MOST_ONCE, false, false, 0, bytes("x"), ids));

        // [MQTT-3.3.4-6]
        assertThat(publisher.take()).containsExactly(disconnect(ReasonCode.PROTOCOL_ERROR));
    }

    @Test
    void subscribe_refusals_eachFilterGetsItsReasonCode() {
        TestClient client = Mqtt5Clients.connected(broker, "sub");
        String tooLong = "x".repeat(65);

        client.send(new Subscribe(2, List.of(new TopicSubscription("a", Qos.AT_LEAST_ONCE),
                new TopicSubscription("secret/#", Qos.AT_MOST_ONCE),
                new TopicSubscription(tooLong, Qos.AT_MOST_ONCE),
                new TopicSubscription("$share/g/a", Qos.AT_MOST_ONCE),
                new TopicSubscription("b", Qos.EXACTLY_ONCE),
                new TopicSubscription("c", Qos.AT_MOST_ONCE))));

        // [MQTT-3.8.4-6] one code per filter, [MQTT-3.9.3-1] in order, [MQTT-3.8.4-7] granted QoS or failure
        assertThat(client.take()).containsExactly(new Suback(2, List.of(0x01, 0x87, 0x8F, 0x9E, 0x02, 0x97)));
    }

    @Test
    void subscribe_subscriptionIdentifierWhileUnavailable_disconnectA1() {
        TestClient client = Mqtt5Clients.connected(broker, "sub");

        client.send(new Subscribe(2, List.of(new TopicSubscription("a", Qos.AT_LEAST_ONCE)),
                new SubscribeProperties(5, List.of())));

        assertThat(client.take())
                .containsExactly(disconnect(ReasonCode.SUBSCRIPTION_IDENTIFIERS_NOT_SUPPORTED));
    }

    @Test
    void unsubscribe_existingAndUnknown_unsuback00And11() {
        TestClient client = Mqtt5Clients.connected(broker, "sub");
        client.subscribe(1, "a", Qos.AT_MOST_ONCE);

        client.send(new Unsubscribe(3, List.of("a", "nope")));

        // [MQTT-3.11.3-1] [MQTT-3.11.3-2] [MQTT-3.10.4-5]
        assertThat(client.take()).containsExactly(new Unsuback(3, List.of(0x00, 0x11), AckProperties.EMPTY));
    }

    @Test
    void keepAliveTimeout_disconnect8DThenClosed() {
        TestClient client = Mqtt5Clients.connected(broker, "c1");

        client.keepAliveTimeout();

        assertThat(client.take()).containsExactly(disconnect(ReasonCode.KEEP_ALIVE_TIMEOUT));
        assertThat(client.channel().isClosed()).isTrue();
    }

    @Test
    void takeover_oldConnectionGetsDisconnect8E() {
        TestClient first = Mqtt5Clients.connected(broker, "c1");

        Mqtt5Clients.connected(broker, "c1");

        assertThat(first.take()).containsExactly(disconnect(ReasonCode.SESSION_TAKEN_OVER));
        assertThat(first.channel().isClosed()).isTrue();
    }

    @Test
    void secondConnect_disconnect82() {
        TestClient client = Mqtt5Clients.connected(broker, "c1");

        client.send(Mqtt5Clients.connect("c1", 0, null));

        // [MQTT-4.13.1-1]
        assertThat(client.take()).containsExactly(disconnect(ReasonCode.PROTOCOL_ERROR));
    }

    @Test
    void malformedPacket_disconnectWithTheDecodersReasonCode() {
        TestClient malformed = Mqtt5Clients.connected(broker, "c1");
        TestClient protocolError = Mqtt5Clients.connected(broker, "c2");

        malformed.malformed(new MalformedPacketException(ReasonCode.MALFORMED_PACKET, "bad length"));
        protocolError.malformed(new MalformedPacketException(ReasonCode.PROTOCOL_ERROR, "duplicate property"));

        // [MQTT-4.13.1-1] closed, after a DISCONNECT with the code the decoder found
        assertThat(malformed.take()).containsExactly(disconnect(ReasonCode.MALFORMED_PACKET));
        assertThat(protocolError.take()).containsExactly(disconnect(ReasonCode.PROTOCOL_ERROR));
        assertThat(malformed.channel().isClosed()).isTrue();
    }

    @Test
    void disconnectAll_mqtt5ClientToldServerShuttingDown() {
        TestClient client = Mqtt5Clients.connected(broker, "c1");

        broker.core.disconnectAll();
        broker.drain();

        assertThat(client.take()).containsExactly(disconnect(ReasonCode.SERVER_SHUTTING_DOWN));
        assertThat(client.channel().isClosed()).isTrue();
    }

    @Test
    void disconnect04_willPublished() {
        TestClient watcher = Mqtt5Clients.connected(broker, "watcher");
        watcher.subscribe(1, "will/#", Qos.AT_MOST_ONCE);
        TestClient client = broker.client("peer");
        client.send(Mqtt5Clients.connect("c1", 0, new Will("will/c1", bytes("gone"), Qos.AT_MOST_ONCE, false)));

        client.send(disconnect(ReasonCode.DISCONNECT_WITH_WILL_MESSAGE));

        assertThat(watcher.channel().publishes()).extracting(Publish::topic).containsExactly("will/c1");
        assertThat(client.channel().sent()).noneMatch(Disconnect.class::isInstance); // nothing after its DISCONNECT
    }

    @Test
    void disconnect00_willDiscarded() {
        TestClient watcher = Mqtt5Clients.connected(broker, "watcher");
        watcher.subscribe(1, "will/#", Qos.AT_MOST_ONCE);
        TestClient client = broker.client("peer");
        client.send(Mqtt5Clients.connect("c1", 0, new Will("will/c1", bytes("gone"), Qos.AT_MOST_ONCE, false)));

        client.send(disconnect(ReasonCode.SUCCESS));

        // [MQTT-3.14.4-3]
        assertThat(watcher.channel().publishes()).isEmpty();
    }

    @Test
    void pubrecWithFailureCode_flowEndsWithoutPubrelAndWindowMovesOn() {
        TestBroker narrow = new TestBroker(new CoreConfig(1, 1, 8));
        TestClient subscriber = Mqtt5Clients.connected(narrow, "sub");
        subscriber.subscribe(1, "t", Qos.EXACTLY_ONCE);
        TestClient publisher = Mqtt5Clients.connected(narrow, "pub");
        publisher.send(publish("t", Qos.EXACTLY_ONCE, 1, "first"));
        publisher.send(new Pubrel(1));
        publisher.send(publish("t", Qos.EXACTLY_ONCE, 2, "second"));
        Publish first = subscriber.channel().publishes().getFirst();
        subscriber.take();

        subscriber.send(new Pubrec(first.packetId(), ReasonCode.QUOTA_EXCEEDED, AckProperties.EMPTY));

        // [MQTT-4.3.3-4] PUBREL only after a PUBREC below 0x80; the window of 1 is free for the next message
        assertThat(subscriber.take()).singleElement().isInstanceOfSatisfying(Publish.class,
                next -> assertThat(TestClient.text(next)).isEqualTo("second"));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
