package io.ternmq.core;

import io.ternmq.core.TestBroker.SessionMode;
import io.ternmq.protocol.Publish;
import io.ternmq.protocol.Qos;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.ternmq.core.TestClient.publish;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The memory budget and slow-consumer policies without sockets: a subscriber's channel reports congestion, then
 * messages of a known size ({@link #MESSAGE_BYTES}) arrive against a budget of four messages.
 */
class SlowConsumerPolicyTest {

    private static final String PAYLOAD = "x".repeat(100);
    /** Payload 100 + topic "t/x" 3 + overhead. */
    private static final long MESSAGE_BYTES = 100 + 3 + ClientMemory.OVERHEAD;
    private static final long CLIENT_BYTES = 4 * MESSAGE_BYTES;

    private TestBroker broker = brokerWith(SlowConsumerPolicy.DROP_OLDEST, 1L << 30);
    private TestClient publisher = broker.connected("pub", SessionMode.CLEAN);

    private static TestBroker brokerWith(SlowConsumerPolicy policy, long globalBytes) {
        var rules = new SlowConsumerRules(policy, Map.of(), List.of());
        return new TestBroker(new CoreConfig(3, 2, 100, TopicLimits.PROTOCOL,
                new MemoryLimits(globalBytes, CLIENT_BYTES, rules)));
    }

    private void use(SlowConsumerPolicy policy) {
        broker.close();
        broker = brokerWith(policy, 1L << 30);
        publisher = broker.connected("pub", SessionMode.CLEAN);
    }

    private TestClient congestedSubscriber(String clientId, SessionMode mode, Qos qos) {
        TestClient subscriber = broker.connected(clientId, mode);
        subscriber.subscribe(1, "t/#", qos);
        subscriber.writability(ClientChannel.WriteState.CONGESTED);
        return subscriber;
    }

    private void publishNumbered(Qos qos, int from, int to) {
        for (int i = from; i < to; i++) {
            publisher.send(publish("t/x", qos, qos == Qos.AT_MOST_ONCE ? 0 : i + 1, i + PAYLOAD.substring(3)));
        }
        publisher.take();
    }

    private static List<String> numbers(List<Publish> publishes) {
        return publishes.stream().map(p -> TestClient.text(p).substring(0, TestClient.text(p).indexOf('x')))
                .toList();
    }

    private ClientMemoryInfo memoryOf(String clientId) {
        return broker.sessionInfo(clientId).orElseThrow().memory();
    }

    @Test
    void qos0_congestedChannel_heldThenSentInOrderWhenWritable() {
        TestClient subscriber = congestedSubscriber("sub", SessionMode.CLEAN, Qos.AT_MOST_ONCE);

        publishNumbered(Qos.AT_MOST_ONCE, 100, 103);

        assertThat(subscriber.channel().publishes()).isEmpty();
        assertThat(memoryOf("sub").usedBytes()).isEqualTo(3 * MESSAGE_BYTES);
        assertThat(memoryOf("sub").heldQos0()).isEqualTo(3);
        assertThat(broker.core.memory().usedBytes()).isEqualTo(3 * MESSAGE_BYTES);

        subscriber.writability(ClientChannel.WriteState.WRITABLE);

        assertThat(numbers(subscriber.channel().publishes())).containsExactly("100", "101", "102");
        assertThat(memoryOf("sub").usedBytes()).isZero();
        assertThat(broker.core.memory().usedBytes()).isZero();
    }

    @Test
    void dropOldest_qos0OverBudget_oldestDroppedCountedNewestKept() {
        TestClient subscriber = congestedSubscriber("sub", SessionMode.CLEAN, Qos.AT_MOST_ONCE);

        publishNumbered(Qos.AT_MOST_ONCE, 100, 110);

        ClientMemoryInfo memory = memoryOf("sub");
        assertThat(memory.usedBytes()).isEqualTo(CLIENT_BYTES);
        assertThat(memory.slowConsumerDrops()).isEqualTo(6);
        assertThat(broker.core.stats().drops(DropReason.SLOW_CONSUMER)).isEqualTo(6);
        subscriber.writability(ClientChannel.WriteState.WRITABLE);
        assertThat(numbers(subscriber.channel().publishes())).containsExactly("106", "107", "108", "109");
    }

    @Test
    void dropNewest_qos0OverBudget_newDroppedCountedOldestKept() {
        use(SlowConsumerPolicy.DROP_NEWEST);
        TestClient subscriber = congestedSubscriber("sub", SessionMode.CLEAN, Qos.AT_MOST_ONCE);

        publishNumbered(Qos.AT_MOST_ONCE, 100, 110);

        assertThat(memoryOf("sub").slowConsumerDrops()).isEqualTo(6);
        subscriber.writability(ClientChannel.WriteState.WRITABLE);
        assertThat(numbers(subscriber.channel().publishes())).containsExactly("100", "101", "102", "103");
    }

    @Test
    void disconnect_overBudget_connectionClosedHeldQos0DroppedAndCounted() {
        use(SlowConsumerPolicy.DISCONNECT);
        TestClient subscriber = congestedSubscriber("sub", SessionMode.PERSISTENT, Qos.AT_MOST_ONCE);

        publishNumbered(Qos.AT_MOST_ONCE, 100, 105);

        assertThat(subscriber.channel().isClosed()).isTrue();
        assertThat(subscriber.channel().publishes()).isEmpty();
        assertThat(broker.core.stats().disconnects(DisconnectReason.SLOW_CONSUMER)).isEqualTo(1);
        ClientMemoryInfo memory = memoryOf("sub");
        assertThat(memory.slowConsumerDisconnects()).isEqualTo(1);
        assertThat(memory.slowConsumerDrops()).as("4 held, then the one that did not fit").isEqualTo(5);
        assertThat(memory.usedBytes()).isZero();
    }

    @Test
    void disconnect_offlinePersistentSession_dropsTheNewestInstead() {
        use(SlowConsumerPolicy.DISCONNECT);
        TestClient subscriber = broker.connected("sub", SessionMode.PERSISTENT);
        subscriber.subscribe(1, "t/#", Qos.AT_LEAST_ONCE);
        subscriber.networkClosed();

        publishNumbered(Qos.AT_LEAST_ONCE, 100, 106);

        SessionInfo info = broker.sessionInfo("sub").orElseThrow();
        assertThat(info.queuedMessages()).isEqualTo(4);
        assertThat(info.memory().slowConsumerDrops()).isEqualTo(2);
        assertThat(info.memory().slowConsumerDisconnects()).isZero();
    }

    @Test
    void dropOldest_offlineQueueOverBudget_oldestQueuedDroppedNewestDeliveredOnReturn() {
        TestClient subscriber = broker.connected("sub", SessionMode.PERSISTENT);
        subscriber.subscribe(1, "t/#", Qos.AT_LEAST_ONCE);
        subscriber.networkClosed();

        publishNumbered(Qos.AT_LEAST_ONCE, 100, 106);

        assertThat(memoryOf("sub").slowConsumerDrops()).isEqualTo(2);
        TestClient back = broker.client("10.0.0.9:1000").send(TestBroker.connect("sub", SessionMode.PERSISTENT, 0,
                null));
        assertThat(numbers(back.channel().publishes())).as("window of 2 first").containsExactly("102", "103");
    }

    @Test
    void qos0GoesFirst_newQos0WhileQos1FillsTheBudget_newQos0DroppedQos1Kept() {
        TestClient subscriber = congestedSubscriber("sub", SessionMode.CLEAN, Qos.AT_LEAST_ONCE);
        publishNumbered(Qos.AT_LEAST_ONCE, 100, 104); // 2 in flight, 2 queued: the whole budget
        subscriber.channel().take();

        publishNumbered(Qos.AT_MOST_ONCE, 200, 202);

        SessionInfo info = broker.sessionInfo("sub").orElseThrow();
        assertThat(info.memory().slowConsumerDrops()).isEqualTo(2);
        assertThat(info.inflightMessages() + info.queuedMessages()).isEqualTo(4);
    }

    @Test
    void qos0GoesFirst_newQos1WhileQos0IsHeld_heldQos0DroppedToMakeRoom() {
        use(SlowConsumerPolicy.DROP_NEWEST);
        TestClient subscriber = congestedSubscriber("sub", SessionMode.CLEAN, Qos.AT_LEAST_ONCE);
        publishNumbered(Qos.AT_LEAST_ONCE, 100, 102); // fills the window of 2
        publishNumbered(Qos.AT_MOST_ONCE, 200, 202); // held: the budget is full

        publishNumbered(Qos.AT_LEAST_ONCE, 102, 103); // must wait in the queue

        SessionInfo info = broker.sessionInfo("sub").orElseThrow();
        assertThat(info.queuedMessages()).isEqualTo(1);
        assertThat(info.memory().heldQos0()).isEqualTo(1);
        assertThat(info.memory().slowConsumerDrops()).isEqualTo(1);
    }

    @Test
    void budget_sessionsEnd_everyByteReturned() {
        TestClient subscriber = congestedSubscriber("sub", SessionMode.CLEAN, Qos.AT_LEAST_ONCE);
        publishNumbered(Qos.AT_LEAST_ONCE, 100, 103);
        publishNumbered(Qos.AT_MOST_ONCE, 200, 201);
        assertThat(broker.core.memory().usedBytes()).isEqualTo(4 * MESSAGE_BYTES);

        subscriber.networkClosed();

        assertThat(broker.core.memory().usedBytes()).isZero();
        assertThat(broker.core.stats().drops(DropReason.SLOW_CONSUMER)).as("the held QoS 0 message").isEqualTo(1);
    }

    @Test
    void globalBudgetExhausted_publisherPausedUntilBelowTheResumeMark() {
        broker.close();
        broker = brokerWith(SlowConsumerPolicy.DROP_OLDEST, 3 * MESSAGE_BYTES);
        publisher = broker.connected("pub", SessionMode.CLEAN);
        TestClient subscriber = congestedSubscriber("sub", SessionMode.CLEAN, Qos.AT_MOST_ONCE);
        publishNumbered(Qos.AT_MOST_ONCE, 100, 104);
        broker.core.memory().sample();
        assertThat(broker.core.memory().isExhausted()).isTrue();

        publishNumbered(Qos.AT_MOST_ONCE, 104, 105);

        assertThat(publisher.channel().readState()).isEqualTo(ClientChannel.ReadState.PAUSED);
        assertThat(broker.core.memory().publisherPauses()).isEqualTo(1);
        assertThat(memoryOf("sub").usedBytes()).as("nothing grows while exhausted").isEqualTo(4 * MESSAGE_BYTES);
        subscriber.writability(ClientChannel.WriteState.WRITABLE);
        broker.core.memory().sample();
        assertThat(broker.core.memory().isExhausted()).isFalse();
        assertThat(publisher.channel().readState()).isEqualTo(ClientChannel.ReadState.READING);
    }
}
