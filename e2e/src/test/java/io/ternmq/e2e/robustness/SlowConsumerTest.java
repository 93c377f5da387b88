package io.ternmq.e2e.robustness;

import com.fasterxml.jackson.databind.JsonNode;
import io.ternmq.core.DisconnectReason;
import io.ternmq.core.DropReason;
import io.ternmq.core.MemoryLimits;
import io.ternmq.core.SlowConsumerPolicy;
import io.ternmq.core.SlowConsumerRules;
import io.ternmq.e2e.BrokerExtension;
import io.ternmq.testkit.CleanSession;
import io.ternmq.testkit.Dup;
import io.ternmq.testkit.Hex;
import io.ternmq.testkit.Packets;
import io.ternmq.testkit.RawMqttClient;
import io.ternmq.testkit.ReceivedPublish;
import io.ternmq.testkit.Retain;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.Map;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Slow consumers against the memory budget: a subscriber that stops reading (a socket with a tiny receive buffer
 * that is not read) and a fast one share a topic; 8,000 messages of 1 KB (more than the kernel buffers of both
 * sockets hold) go out in batches, each batch read by the
 * fast subscriber before the next. The slow one's held bytes stay within its 64 KiB budget, its policy (chosen by
 * client-id pattern) drops or disconnects as configured and every drop is counted, for the client in the admin API
 * and for the broker; the fast subscriber gets every message.
 */
class SlowConsumerTest {

    private static final long CLIENT_BYTES = 64 << 10;
    private static final int MESSAGES = 8_000;
    private static final int BATCH = 50;
    private static final int SIZE = 1_000;

    @RegisterExtension
    final BrokerExtension broker = BrokerExtension.with(b -> b.adminListener("127.0.0.1", 0)
            .adminToken(AdminJson.TOKEN)
            .memoryLimits(new MemoryLimits(64L << 20, CLIENT_BYTES,
                    new SlowConsumerRules(SlowConsumerPolicy.DROP_OLDEST, Map.of(),
                    List.of(new SlowConsumerRules.ClientPattern("slow-newest*", SlowConsumerPolicy.DROP_NEWEST),
                    new SlowConsumerRules.ClientPattern("slow-disconnect*", SlowConsumerPolicy.DISCONNECT))))));

    @Test
    void dropOldest_subscriberStopsReading_boundedOldestDroppedAndCountedNewestKept() throws Exception {
        try (StuckSubscriber slow = StuckSubscriber.subscribe(broker.port(), "slow-oldest", CleanSession.YES,
                "load/#", 0)) {
            RawMqttClient fast = broker.subscriber("fast", "load/#", 0);

            publishInBatches(fast, qos -> 0);

            JsonNode memory = clientMemory("slow-oldest");
            assertThat(memory.path("slowConsumerPolicy").asText()).isEqualTo("drop_oldest");
            assertThat(memory.path("usedBytes").asLong()).isPositive().isLessThanOrEqualTo(CLIENT_BYTES);
            assertThat(memory.path("limitBytes").asLong()).isEqualTo(CLIENT_BYTES);
            assertThat(memory.path("congested").asBoolean()).isTrue();
            long drops = memory.path("slowConsumerDrops").asLong();
            assertThat(drops).isPositive();
            assertThat(broker.stats().drops(DropReason.SLOW_CONSUMER)).isEqualTo(drops);
            assertThat(broker.stats().connectedClients()).as("drop policies keep the client").isEqualTo(3);

            List<Integer> received = StuckSubscriber.sequence(slow.readAll());
            assertThat(received).isSorted().doesNotHaveDuplicates();
            assertThat(received).as("the newest message is kept").endsWith(MESSAGES - 1);
            assertThat(received.size() + drops).as("each message delivered or counted").isEqualTo(MESSAGES);
        }
    }

    @Test
    void dropNewest_subscriberStopsReading_aPrefixDeliveredTheRestDroppedAndCounted() throws Exception {
        try (StuckSubscriber slow = StuckSubscriber.subscribe(broker.port(), "slow-newest-1", CleanSession.YES,
                "load/#", 0)) {
            RawMqttClient fast = broker.subscriber("fast", "load/#", 0);

            publishInBatches(fast, qos -> 0);

            JsonNode memory = clientMemory("slow-newest-1");
            assertThat(memory.path("slowConsumerPolicy").asText()).isEqualTo("drop_newest");
            assertThat(memory.path("usedBytes").asLong()).isLessThanOrEqualTo(CLIENT_BYTES);
            long drops = memory.path("slowConsumerDrops").asLong();
            assertThat(drops).isPositive();

            List<Integer> received = StuckSubscriber.sequence(slow.readAll());
            assertThat(received).as("the oldest messages are kept, in order, without a gap")
                    .isEqualTo(IntStream.range(0, received.size()).boxed().toList());
            assertThat(received.size() + drops).isEqualTo(MESSAGES);
        }
    }

    @Test
    void disconnect_subscriberStopsReading_connectionClosedAndCounted() throws Exception {
        try (StuckSubscriber slow = StuckSubscriber.subscribe(broker.port(), "slow-disconnect-1", CleanSession.YES,
                "load/#", 0)) {
            RawMqttClient fast = broker.subscriber("fast", "load/#", 0);

            publishInBatches(fast, qos -> 0);

            await().atMost(BrokerExtension.WAIT).until(
                    () -> broker.stats().disconnects(DisconnectReason.SLOW_CONSUMER) == 1);
            slow.readAll();
            assertThat(slow.closedByBroker()).isTrue();
            assertThat(broker.stats().drops(DropReason.SLOW_CONSUMER)).isPositive();
            broker.awaitConnectedClients(2);
        }
    }

    @Test
    void disconnect_mqtt5SubscriberStopsReading_disconnectQuotaExceededThenClose() throws Exception {
        try (StuckSubscriber slow = StuckSubscriber.subscribeMqtt5(broker.port(), "slow-disconnect-v5", "load/#")) {
            RawMqttClient fast = broker.subscriber("fast", "load/#", 0);

            publishInBatches(fast, qos -> 0, () -> broker.stats().disconnects(DisconnectReason.SLOW_CONSUMER) == 1);

            slow.readAll();
            // [MQTT-3.14.0-1] after a successful CONNACK the server may send DISCONNECT: reason code 0x97 Quota
            // exceeded, no properties; [MQTT-3.14.4-2] then it closes the connection
            assertThat(slow.disconnect()).isEqualTo(Hex.parse("e0 01 97"));
            assertThat(slow.closedByBroker()).isTrue();
        }
    }

    @Test
    void qos0GoesFirst_mixedQos_everyQos1MessageKeptOnlyQos0Dropped() throws Exception {
        try (StuckSubscriber slow = StuckSubscriber.subscribe(broker.port(), "slow-mixed", CleanSession.YES,
                "load/#", 1)) {
            RawMqttClient fast = broker.subscriber("fast", "load/#", 0);

            publishInBatches(fast, sequence -> sequence % 400 == 0 ? 1 : 0); // 20 QoS 1 messages: 23 KB

            assertThat(clientMemory("slow-mixed").path("slowConsumerDrops").asLong()).isPositive();
            List<ReceivedPublish> received = slow.readAll();
            List<Integer> qos1 = received.stream().filter(p -> p.qos() == 1)
                    .map(p -> StuckSubscriber.sequenceOf(p.payload())).toList();
            assertThat(qos1).as("no QoS 1 message is dropped while QoS 0 ones can go")
                    .containsExactlyElementsOf(IntStream.range(0, MESSAGES).filter(i -> i % 400 == 0).boxed().toList());
        }
    }

    /** The QoS of message {@code sequence}. */
    @FunctionalInterface
    private interface QosOf {
        int of(int sequence);
    }

    /** Publishes in batches; the fast subscriber must have read each batch (in order) before the next goes. */
    private void publishInBatches(RawMqttClient fast, QosOf qosOf) {
        publishInBatches(fast, qosOf, () -> false);
    }

    /** As {@link #publishInBatches(RawMqttClient, QosOf)}, stopping after the batch where {@code done} holds. */
    private void publishInBatches(RawMqttClient fast, QosOf qosOf, BooleanSupplier done) {
        RawMqttClient publisher = broker.connected("publisher");
        for (int first = 0; first < MESSAGES && !done.getAsBoolean(); first += BATCH) {
            for (int sequence = first; sequence < first + BATCH; sequence++) {
                int qos = qosOf.of(sequence);
                publisher.send(Packets.publish("load/" + (sequence % 7), qos, Retain.NO, Dup.NO, qos == 0 ? 0 : 1,
                        StuckSubscriber.payload(sequence, SIZE)));
                if (qos == 1) {
                    publisher.expectPacket(Packets.puback(1));
                }
            }
            for (int sequence = first; sequence < first + BATCH; sequence++) {
                assertThat(StuckSubscriber.sequenceOf(fast.readPublish().payload())).isEqualTo(sequence);
            }
        }
    }

    private JsonNode clientMemory(String clientId) {
        return new AdminJson(broker.broker().adminPort()).get("/api/v1/clients/" + clientId).path("memory");
    }
}
