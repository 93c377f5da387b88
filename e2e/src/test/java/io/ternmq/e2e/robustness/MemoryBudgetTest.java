package io.ternmq.e2e.robustness;

import com.fasterxml.jackson.databind.JsonNode;
import io.ternmq.core.MemoryBudget;
import io.ternmq.core.MemoryLimits;
import io.ternmq.core.SlowConsumerPolicy;
import io.ternmq.core.SlowConsumerRules;
import io.ternmq.e2e.BrokerExtension;
import io.ternmq.testkit.CleanSession;
import io.ternmq.testkit.Dup;
import io.ternmq.testkit.Packets;
import io.ternmq.testkit.RawMqttClient;
import io.ternmq.testkit.Retain;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The broker-wide budget: a subscriber that stops reading holds messages (its own budget is large) until the
 * broker's 512 KiB are used up; then the publisher is no longer read (back-pressure) instead of memory growing
 * with the 20 MB it sends, the state shows in the admin API and the metrics, and once the slow subscriber is gone
 * the memory is released and the publisher is read to the end.
 */
class MemoryBudgetTest {

    private static final long GLOBAL_BYTES = 512 << 10;
    private static final int MESSAGES = 20_000;
    private static final Duration SLOW_WAIT = Duration.ofSeconds(60);

    @RegisterExtension
    final BrokerExtension broker = BrokerExtension.with(b -> b.adminListener("127.0.0.1", 0)
            .adminToken(AdminJson.TOKEN)
            .memoryLimits(new MemoryLimits(GLOBAL_BYTES, 64L << 20,
                    SlowConsumerRules.always(SlowConsumerPolicy.DROP_OLDEST))));

    @Test
    void globalBudgetExhausted_publisherNotReadMemoryBoundedThenReleasedAndResumed() throws Exception {
        MemoryBudget memory = broker.stats().memory();
        StuckSubscriber slow = StuckSubscriber.subscribe(broker.port(), "slow", CleanSession.YES, "load/#", 0);
        RawMqttClient publisher = broker.connected("publisher");
        CompletableFuture<Void> publishing = CompletableFuture.runAsync(() -> {
            try {
                for (int i = 0; i < MESSAGES; i++) {
                    publisher.send(Packets.publish("load/x", 0, Retain.NO, Dup.NO, 0,
                            StuckSubscriber.payload(i, 1_000)));
                }
            } catch (UncheckedIOException closedAtTheEnd) {
                // the test is over
            }
        });
        try {
            await().atMost(SLOW_WAIT).until(() -> memory.isExhausted() && memory.publisherPauses() > 0);

            assertThat(broker.stats().messagesReceived()).as("the publisher is not read to the end")
                    .isLessThan(MESSAGES);
            // the limit plus what arrived within one sampling period (50 ms) and the packets read but not yet
            // routed: on a loaded machine a few MB, but not the 20 MB sent
            assertThat(memory.usedBytes()).as("bounded, not the 20 MB sent").isLessThan(10L << 20);
            AdminJson admin = new AdminJson(broker.broker().adminPort());
            JsonNode budget = admin.get("/api/v1/broker").path("memory");
            assertThat(budget.path("limitBytes").asLong()).isEqualTo(GLOBAL_BYTES);
            assertThat(budget.path("publisherPauses").asLong()).isPositive();
            assertThat(admin.metrics())
                    .contains("ternmq_memory_budget_headroom_bytes", "ternmq_memory_budget_used_bytes")
                    .containsPattern("ternmq_memory_publisher_pauses_total [1-9]");

            slow.close();

            await().atMost(SLOW_WAIT).until(() -> broker.stats().messagesReceived() == MESSAGES);
            await().atMost(SLOW_WAIT).until(() -> !memory.isExhausted() && memory.usedBytes() == 0);
        } finally {
            slow.close();
            publisher.close();
            publishing.join();
        }
    }
}
