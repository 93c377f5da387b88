package io.ternmq.core;

import io.ternmq.core.auth.Authenticator;
import io.ternmq.core.auth.Authorizer;
import io.ternmq.protocol.Puback;
import io.ternmq.protocol.Publish;
import io.ternmq.protocol.PublishProperties;
import io.ternmq.protocol.Qos;
import io.ternmq.store.StoredMessage;
import io.ternmq.store.memory.InMemoryStorage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static io.ternmq.core.Mqtt5SessionExpiryTest.connect;
import static org.assertj.core.api.Assertions.assertThat;

/** MQTT 5 message expiry on the fake clock (3.3.2.3.3). */
class Mqtt5MessageExpiryTest {

    private final InMemoryStorage storage = new InMemoryStorage();
    private final TestBroker broker = new TestBroker(new CoreConfig(3, 2, 8), Authenticator.ALLOW_ALL,
            Authorizer.ALLOW_ALL, new CoreStores(storage));
    private final TestClient publisher = Mqtt5Clients.connected(broker, "publisher");

    @AfterEach
    void close() {
        broker.close();
    }

    private static Publish expiring(String payload, Long interval, int packetId, boolean retain) {
        var properties = new PublishProperties(null, interval, null, null, null, List.of(), List.of(), null);
        return new Publish("t/x", Qos.AT_LEAST_ONCE, retain, false, packetId,
                payload.getBytes(StandardCharsets.UTF_8), properties);
    }

    private TestClient offlineSubscriber() {
        TestClient subscriber = broker.client("sub-peer");
        subscriber.send(connect("sub", true, 600L, null));
        subscriber.take();
        subscriber.subscribe(1, "t/#", Qos.AT_LEAST_ONCE);
        subscriber.networkClosed();
        return subscriber;
    }

    private TestClient back() {
        TestClient subscriber = broker.client("sub-peer-2");
        subscriber.send(connect("sub", false, 600L, null));
        return subscriber;
    }

    @Test
    void queuedMessage_expiresWhileOffline_notDeliveredAndCounted() {
        // [MQTT-3.3.2-5]
        offlineSubscriber();
        publisher.send(expiring("short", 10L, 1, false));
        publisher.send(expiring("long", 100L, 2, false));
        broker.advance(Duration.ofSeconds(10));

        TestClient subscriber = back();

        assertThat(subscriber.channel().publishes()).extracting(TestClient::text).containsExactly("long");
        assertThat(broker.core.stats().drops(DropReason.EXPIRED)).isEqualTo(1);
    }

    @Test
    void queuedMessage_forwarded_intervalReducedByTimeWaited() {
        // [MQTT-3.3.2-6] 100 s received, 10.5 s waited: 90 s left (89.5 rounded up)
        offlineSubscriber();
        publisher.send(expiring("long", 100L, 1, false));
        broker.advance(Duration.ofMillis(10_500));

        TestClient subscriber = back();

        assertThat(subscriber.channel().publishes()).singleElement()
                .satisfies(p -> assertThat(p.properties().messageExpiryInterval()).isEqualTo(90L));
    }

    @Test
    void expiredQueuedMessage_storedRowsRemoved() {
        offlineSubscriber();
        publisher.send(expiring("short", 1L, 1, false));
        broker.advance(Duration.ofSeconds(1));

        back();

        List<StoredMessage> rows = new ArrayList<>();
        storage.messages().forEach(rows::add);
        assertThat(rows).isEmpty();
        List<Object> queued = new ArrayList<>();
        storage.queues().forEach(queued::add);
        assertThat(queued).isEmpty();
    }

    @Test
    void queuedBehindFullWindow_expiresBeforeItsTurn_skipped() {
        // [MQTT-3.3.2-5] the window (2) is full; the third waits, expires, and is never sent
        TestClient subscriber = Mqtt5Clients.connected(broker, "online");
        subscriber.subscribe(1, "t/#", Qos.AT_LEAST_ONCE);
        publisher.send(expiring("one", 100L, 1, false));
        publisher.send(expiring("two", 100L, 2, false));
        publisher.send(expiring("three", 5L, 3, false));
        publisher.send(expiring("four", 100L, 4, false));
        broker.advance(Duration.ofSeconds(5));

        List<Publish> first = subscriber.channel().publishes();
        subscriber.send(new Puback(first.get(0).packetId()));

        assertThat(subscriber.channel().publishes()).extracting(TestClient::text)
                .containsExactly("one", "two", "four");
        assertThat(broker.core.stats().drops(DropReason.EXPIRED)).isEqualTo(1);
    }

    @Test
    void onlineDelivery_noTimeWaited_intervalUnchanged() {
        TestClient subscriber = Mqtt5Clients.connected(broker, "online");
        subscriber.subscribe(1, "t/#", Qos.AT_LEAST_ONCE);

        publisher.send(expiring("now", 30L, 1, false));

        assertThat(subscriber.channel().publishes()).singleElement()
                .satisfies(p -> assertThat(p.properties().messageExpiryInterval()).isEqualTo(30L));
    }

    @Test
    void retainedMessage_expiredOrReduced_forNewSubscribers() {
        // [MQTT-3.3.2-5] not sent after expiry; [MQTT-3.3.2-6] sent with what is left before
        publisher.send(expiring("retained", 10L, 1, true));
        broker.advance(Duration.ofSeconds(4));
        TestClient early = Mqtt5Clients.connected(broker, "early");
        early.subscribe(1, "t/#", Qos.AT_LEAST_ONCE);
        broker.advance(Duration.ofSeconds(6));
        TestClient late = Mqtt5Clients.connected(broker, "late");
        late.subscribe(1, "t/#", Qos.AT_LEAST_ONCE);

        assertThat(early.channel().publishes()).singleElement()
                .satisfies(p -> assertThat(p.properties().messageExpiryInterval()).isEqualTo(6L));
        assertThat(late.channel().publishes()).isEmpty();
    }

    @Test
    void storedMessageRow_keepsPropertiesAndAbsoluteExpiry() {
        offlineSubscriber();

        publisher.send(expiring("long", 100L, 1, false));

        List<StoredMessage> rows = new ArrayList<>();
        storage.messages().forEach(rows::add);
        assertThat(rows).singleElement().satisfies(row -> assertThat(row.expiresAt().toEpochMilli())
                .isEqualTo(broker.clock.currentTimeMillis() + 100_000));
    }

    @Test
    void inflightMessage_expiresAfterItWasSent_stillResentOnReconnect() {
        // [MQTT-4.3.3-7] a message whose PUBLISH was sent is no longer subject to expiry; it is resent with DUP=1
        TestClient subscriber = broker.client("sub-peer");
        subscriber.send(connect("sub", true, 600L, null));
        subscriber.take();
        subscriber.subscribe(1, "t/#", Qos.EXACTLY_ONCE);
        publisher.send(new Publish("t/x", Qos.EXACTLY_ONCE, false, false, 9, "sent".getBytes(StandardCharsets.UTF_8),
                new PublishProperties(null, 2L, null, null, null, List.of(), List.of(), null)));
        assertThat(subscriber.channel().publishes()).hasSize(1);
        subscriber.networkClosed();
        broker.advance(Duration.ofSeconds(30));

        TestClient back = back();

        assertThat(back.channel().publishes()).singleElement().satisfies(p -> {
            assertThat(p.dup()).isTrue();
            assertThat(TestClient.text(p)).isEqualTo("sent");
        });
        assertThat(broker.core.stats().drops(DropReason.EXPIRED)).isZero();
    }
}
