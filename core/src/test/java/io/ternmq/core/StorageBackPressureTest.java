package io.ternmq.core;

import io.ternmq.core.ClientChannel.ReadState;
import io.ternmq.core.TestBroker.SessionMode;
import io.ternmq.core.auth.Authenticator;
import io.ternmq.core.auth.Authorizer;
import io.ternmq.protocol.Disconnect;
import io.ternmq.protocol.Puback;
import io.ternmq.protocol.Qos;
import org.junit.jupiter.api.Test;

import java.util.stream.IntStream;

import static io.ternmq.core.TestClient.publish;
import static org.assertj.core.api.Assertions.assertThat;

/** A storage writer above its high-water mark pauses reading from publishers; draining resumes it; nothing is lost. */
class StorageBackPressureTest {

    private final HeldFenceStorage storage = new HeldFenceStorage();
    private final TestBroker broker = new TestBroker(new CoreConfig(3, 8, 100), Authenticator.ALLOW_ALL,
            Authorizer.ALLOW_ALL, new CoreStores(storage));
    private final TestClient publisher = broker.connected("pub", SessionMode.CLEAN);

    private void offlinePersistentSubscriber() {
        TestClient subscriber = broker.connected("sub", SessionMode.PERSISTENT);
        subscriber.subscribe(1, "stored", Qos.AT_LEAST_ONCE);
        subscriber.send(Disconnect.INSTANCE);
        storage.completeWrites();
        broker.drain();
    }

    @Test
    void storedPublish_storageBelowHighWater_keepsReading() {
        offlinePersistentSubscriber();

        publisher.send(publish("stored", Qos.AT_LEAST_ONCE, 1, "m"));

        assertThat(publisher.channel().readState()).isEqualTo(ReadState.READING);
    }

    @Test
    void storedPublish_storageBacklogged_pausesReadingUntilDrained_noMessageLost() {
        offlinePersistentSubscriber();
        storage.fillBacklog();

        publisher.send(publish("stored", Qos.AT_LEAST_ONCE, 1, "m1"));
        assertThat(publisher.channel().readState()).isEqualTo(ReadState.PAUSED);
        // packets read before the pause took effect are still handled, never dropped
        publisher.send(publish("stored", Qos.AT_LEAST_ONCE, 2, "m2"));
        publisher.send(publish("stored", Qos.AT_LEAST_ONCE, 3, "m3"));
        assertThat(publisher.channel().readState()).isEqualTo(ReadState.PAUSED);
        assertThat(publisher.take()).isEmpty();

        storage.completeWrites();
        broker.drain();

        assertThat(publisher.channel().readState()).isEqualTo(ReadState.READING);
        assertThat(publisher.take()).containsExactly(new Puback(1), new Puback(2), new Puback(3));
        TestClient back = broker.connected("sub", SessionMode.PERSISTENT);
        for (int round = 0; round < 3; round++) { // one fence at a time releases the sends queued before it
            storage.completeWrites();
            broker.drain();
        }
        assertThat(back.channel().publishes()).extracting(TestClient::text).containsExactly("m1", "m2", "m3");
    }

    @Test
    void qos0Publish_storageBacklogged_keepsReading() {
        storage.fillBacklog();

        publisher.send(publish("stored", Qos.AT_MOST_ONCE, 0, "m"));

        assertThat(publisher.channel().readState()).isEqualTo(ReadState.READING);
    }

    @Test
    void inboundBackPressure_storageHeldAndQueueDrained_staysPausedUntilStorageReleased() {
        FakeChannel channel = new FakeChannel("peer");
        InboundBackPressure pressure = new InboundBackPressure(channel);
        pressure.holdForStorage();
        IntStream.range(0, InboundBackPressure.PAUSE_AT).forEach(i -> pressure.posted());
        IntStream.range(0, InboundBackPressure.PAUSE_AT).forEach(i -> pressure.handled());
        assertThat(channel.readState()).isEqualTo(ReadState.PAUSED);

        pressure.releaseStorage();

        assertThat(channel.readState()).isEqualTo(ReadState.READING);
    }

    @Test
    void inboundBackPressure_storageReleasedWhileQueueFull_staysPausedUntilQueueDrains() {
        FakeChannel channel = new FakeChannel("peer");
        InboundBackPressure pressure = new InboundBackPressure(channel);
        pressure.holdForStorage();
        IntStream.range(0, InboundBackPressure.PAUSE_AT).forEach(i -> pressure.posted());

        pressure.releaseStorage();
        assertThat(channel.readState()).isEqualTo(ReadState.PAUSED);
        IntStream.range(0, InboundBackPressure.PAUSE_AT).forEach(i -> pressure.handled());

        assertThat(channel.readState()).isEqualTo(ReadState.READING);
    }
}
