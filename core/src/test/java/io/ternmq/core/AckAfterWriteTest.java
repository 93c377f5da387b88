package io.ternmq.core;

import io.ternmq.core.TestBroker.SessionMode;
import io.ternmq.core.auth.Authenticator;
import io.ternmq.core.auth.Authorizer;
import io.ternmq.protocol.Disconnect;
import io.ternmq.protocol.MqttPacket;
import io.ternmq.protocol.Puback;
import io.ternmq.protocol.Pubcomp;
import io.ternmq.protocol.Pubrec;
import io.ternmq.protocol.Pubrel;
import io.ternmq.protocol.Qos;
import io.ternmq.protocol.Suback;
import io.ternmq.protocol.Subscribe;
import io.ternmq.protocol.TopicSubscription;
import io.ternmq.protocol.Unsuback;
import io.ternmq.protocol.Unsubscribe;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.ternmq.core.TestClient.publish;
import static io.ternmq.core.TestClient.retained;
import static org.assertj.core.api.Assertions.assertThat;

/** With durable storage, PUBACK/PUBREC/PUBCOMP wait for the writes they vouch for, and keep arrival order. */
class AckAfterWriteTest {

    private final HeldFenceStorage storage = new HeldFenceStorage();
    private final TestBroker broker = new TestBroker(new CoreConfig(3, 8, 100), Authenticator.ALLOW_ALL,
            Authorizer.ALLOW_ALL, new CoreStores(storage));
    private final TestClient publisher = broker.connected("pub", SessionMode.CLEAN);

    private void offlinePersistentSubscriber() {
        TestClient subscriber = broker.connected("sub", SessionMode.PERSISTENT);
        subscriber.subscribe(1, "stored", Qos.EXACTLY_ONCE);
        subscriber.send(Disconnect.INSTANCE);
        storage.completeWrites();
    }

    /** The disk catches up: what waited for it goes out. */
    private void writesComplete() {
        storage.completeWrites();
        broker.drain();
    }

    /** Nothing answers {@code request} until the disk has caught up; then {@code answer} comes. */
    private void answeredOnlyAfterWrite(TestClient client, MqttPacket request, MqttPacket answer) {
        client.send(request);
        assertThat(client.take()).isEmpty(); // a crash now may forget it: the client must not have been told

        writesComplete();
        assertThat(client.take()).containsExactly(answer);
    }

    @Test
    void qos1_toPersistentQueue_pubackAfterWrite() {
        offlinePersistentSubscriber();

        // [MQTT-4.3.2-2]
        answeredOnlyAfterWrite(publisher, publish("stored", Qos.AT_LEAST_ONCE, 1, "m"), new Puback(1));
    }

    @Test
    void subscribe_storedSession_subackOnceTheSubscriptionIsStored() {
        TestClient subscriber = broker.connected("sub", SessionMode.PERSISTENT);
        writesComplete();

        answeredOnlyAfterWrite(subscriber, new Subscribe(7, List.of(new TopicSubscription("kept", Qos.AT_LEAST_ONCE))),
                new Suback(7, List.of(1)));
    }

    @Test
    void unsubscribe_storedSession_unsubackOnceTheRemovalIsStored() {
        TestClient subscriber = broker.connected("sub", SessionMode.PERSISTENT);
        subscriber.subscribe(1, "gone", Qos.AT_LEAST_ONCE);
        writesComplete();
        subscriber.take();

        answeredOnlyAfterWrite(subscriber, new Unsubscribe(8, List.of("gone")), new Unsuback(8));
    }

    @Test
    void subscribe_cleanSession_subackAtOnce() {
        publisher.send(new Subscribe(9, List.of(new TopicSubscription("t", Qos.AT_MOST_ONCE))));

        assertThat(publisher.take()).containsExactly(new Suback(9, List.of(0)));
        assertThat(storage.heldFences()).isZero();
    }

    @Test
    void qos1_nobodyStores_pubackAtOnce() {
        publisher.send(publish("nobody", Qos.AT_LEAST_ONCE, 1, "m"));

        assertThat(publisher.take()).containsExactly(new Puback(1));
        assertThat(storage.heldFences()).isZero();
    }

    @Test
    void acks_storedThenUnstored_keepArrivalOrder() {
        offlinePersistentSubscriber();

        publisher.send(publish("stored", Qos.AT_LEAST_ONCE, 1, "a"));
        publisher.send(publish("nobody", Qos.AT_LEAST_ONCE, 2, "b"));
        assertThat(publisher.take()).isEmpty(); // 2 is ready but waits behind 1

        storage.completeWrites();
        broker.drain();
        assertThat(publisher.take()).containsExactly(new Puback(1), new Puback(2));
    }

    @Test
    void retainedQos1_pubackAfterWrite() {
        answeredOnlyAfterWrite(publisher, retained("r", Qos.AT_LEAST_ONCE, 5, "kept"), new Puback(5));
    }

    @Test
    void qos2_persistentPublisher_pubrecAndPubcompAfterWrite() {
        TestClient persistentPublisher = broker.connected("pp", SessionMode.PERSISTENT);
        storage.completeWrites();

        persistentPublisher.send(publish("nobody", Qos.EXACTLY_ONCE, 3, "m"));
        assertThat(persistentPublisher.take()).isEmpty(); // the inbound id must be stored first [MQTT-4.3.3-2]
        storage.completeWrites();
        broker.drain();
        assertThat(persistentPublisher.take()).containsExactly(new Pubrec(3));

        persistentPublisher.send(new Pubrel(3));
        assertThat(persistentPublisher.take()).isEmpty();
        storage.completeWrites();
        broker.drain();
        assertThat(persistentPublisher.take()).containsExactly(new Pubcomp(3));
    }

    @Test
    void onlinePersistentSubscriber_publishSentOnlyAfterItsFlightIsStored() {
        TestClient subscriber = broker.connected("online", SessionMode.PERSISTENT);
        subscriber.subscribe(1, "stored", Qos.EXACTLY_ONCE);
        storage.completeWrites();
        broker.drain();
        subscriber.take();

        publisher.send(publish("stored", Qos.EXACTLY_ONCE, 1, "m"));
        assertThat(subscriber.channel().publishes()).isEmpty(); // a crash now must not have shown it to the client

        storage.completeWrites();
        broker.drain();
        assertThat(subscriber.channel().publishes()).extracting(TestClient::text).containsExactly("m");
    }

    @Test
    void reconnectWhileSendsWait_oldConnectionsPacketsDropped_resumeResendsOnce() {
        TestClient subscriber = broker.connected("online", SessionMode.PERSISTENT);
        subscriber.subscribe(1, "stored", Qos.AT_LEAST_ONCE);
        storage.completeWrites();
        broker.drain();
        publisher.send(publish("stored", Qos.AT_LEAST_ONCE, 1, "m"));
        subscriber.networkClosed();

        TestClient back = broker.client("again");
        back.send(TestBroker.connect("online", SessionMode.PERSISTENT, 0, null));
        storage.completeWrites();
        broker.drain();
        storage.completeWrites();
        broker.drain();

        assertThat(subscriber.channel().publishes()).isEmpty();
        assertThat(back.channel().publishes()).singleElement().extracting(TestClient::text).isEqualTo("m");
    }
}
