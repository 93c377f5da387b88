package io.ternmq.e2e.admin;

import io.ternmq.e2e.BrokerExtension;
import io.ternmq.store.StorageMode;
import io.ternmq.testkit.Dup;
import io.ternmq.testkit.Packets;
import io.ternmq.testkit.RawMqttClient;
import io.ternmq.testkit.Retain;
import io.ternmq.testkit.SessionPresent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The storage writer's meters in wal mode, moving when QoS 1 messages are queued for an offline persistent session. */
class StoreMetricsTest {

    @RegisterExtension
    final BrokerExtension broker = BrokerExtension.with(b -> b.adminListener("127.0.0.1", 0)
            .adminToken(AdminHttp.TOKEN).sysInterval(Duration.ZERO).storageMode(StorageMode.WAL));

    @Test
    void metrics_qos1ToOfflinePersistentSession_storeMetersMove() {
        AdminHttp http = new AdminHttp(broker.broker().adminPort());
        Map<String, Double> before = http.metrics();
        assertThat(before.get("ternmq_storage_mode{mode=\"wal\"}")).isEqualTo(1);
        assertThat(before).containsKeys("ternmq_store_pending_writes", "ternmq_store_pending_writes_size_bytes");
        RawMqttClient subscriber = broker.connectedPersistent("sm-sub", SessionPresent.NO);
        BrokerExtension.subscribe(subscriber, "stored/#", 1);
        subscriber.send(Packets.disconnect()).expectClosed();
        RawMqttClient publisher = broker.connected("sm-pub");
        for (int i = 1; i <= 5; i++) {
            publisher.send(Packets.publish("stored/t", 1, Retain.NO, Dup.NO, i, "m" + i))
                    .expectPacket(Packets.puback(i)); // sent after the write, so the batches are counted by now
        }

        Map<String, Double> after = http.metrics();
        assertThat(delta(before, after, "ternmq_store_write_batches_total")).isPositive();
        assertThat(delta(before, after, "ternmq_store_written_entries_total")).isGreaterThanOrEqualTo(10);
        assertThat(delta(before, after, "ternmq_store_write_batch_size_count")).isPositive();
        assertThat(delta(before, after, "ternmq_store_write_batch_size_sum")).isGreaterThanOrEqualTo(10);
        assertThat(delta(before, after, "ternmq_store_write_seconds_count")).isPositive();
        assertThat(after.get("ternmq_store_write_seconds_sum")).isPositive();
        await().atMost(BrokerExtension.WAIT).untilAsserted(
                () -> assertThat(http.metric("ternmq_store_pending_writes")).isZero());
    }

    private static double delta(Map<String, Double> before, Map<String, Double> after, String sample) {
        return after.getOrDefault(sample, 0.0) - before.getOrDefault(sample, 0.0);
    }
}
