package io.ternmq.e2e.admin;

import io.ternmq.e2e.BrokerExtension;
import io.ternmq.testkit.Dup;
import io.ternmq.testkit.Packets;
import io.ternmq.testkit.RawMqttClient;
import io.ternmq.testkit.Retain;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** {@code /metrics} in Prometheus text format, and its values following the traffic. */
class MetricsTest {

    @RegisterExtension
    final BrokerExtension broker = BrokerExtension.with(b -> b.adminListener("127.0.0.1", 0)
            .adminToken(AdminHttp.TOKEN).sysInterval(Duration.ZERO));

    private AdminHttp http() {
        return new AdminHttp(broker.broker().adminPort());
    }

    @Test
    void metrics_prometheusText_listsBrokerJvmAndNettyMeters() {
        AdminHttp.Reply reply = http().get("/metrics", AdminHttp.Auth.NONE);
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.contentType()).startsWith("text/plain");
        assertThat(reply.body()).contains("ternmq_clients_connected", "ternmq_connects_total{result=\"accepted\"}",
                "ternmq_disconnects_total{reason=\"client_disconnect\"}",
                "ternmq_packets_received_total{type=\"publish\"}",
                "ternmq_network_received_bytes_total", "ternmq_messages_dropped_total{reason=\"queue_full\"}",
                "ternmq_messages_queued", "ternmq_messages_inflight", "ternmq_messages_retained",
                "ternmq_subscriptions", "ternmq_netty_buffer_memory_used_bytes{area=\"direct\"}",
                "ternmq_backlog_publisher_pauses_total", "ternmq_connections_moved_total",
                "ternmq_sessions_moved_total",
                "jvm_memory_used_bytes", "jvm_threads_live_threads", "jvm_gc_");
    }

    @Test
    void metrics_publishFlows_countersFollowTheTraffic() {
        AdminHttp http = http();
        Map<String, Double> before = http.metrics();
        RawMqttClient subscriber = broker.subscriber("m-sub", "m/t", 1);
        RawMqttClient publisher = broker.connected("m-pub");
        publisher.send(Packets.publish("m/t", 1, Retain.YES, Dup.NO, 7, "payload"))
                .expectPacket(Packets.puback(7));
        subscriber.readPublish();
        publisher.send(Packets.publish("nobody/listens", "x"));
        publisher.send(Packets.disconnect()).expectClosed();
        await().atMost(BrokerExtension.WAIT).untilAsserted(() -> {
            Map<String, Double> after = http.metrics();
            assertThat(delta(before, after, "ternmq_publishes_received_total{qos=\"1\"}")).isEqualTo(1);
            assertThat(delta(before, after, "ternmq_publishes_received_total{qos=\"0\"}")).isEqualTo(1);
            assertThat(delta(before, after, "ternmq_messages_delivered_total")).isEqualTo(1);
            assertThat(delta(before, after, "ternmq_packets_received_total{type=\"publish\"}")).isEqualTo(2);
            assertThat(delta(before, after, "ternmq_packets_sent_total{type=\"puback\"}")).isEqualTo(1);
            assertThat(delta(before, after, "ternmq_connects_total{result=\"accepted\"}")).isEqualTo(2);
            assertThat(delta(before, after, "ternmq_disconnects_total{reason=\"client_disconnect\"}")).isEqualTo(1);
            assertThat(delta(before, after, "ternmq_messages_dropped_total{reason=\"no_subscribers\"}")).isEqualTo(1);
            assertThat(delta(before, after, "ternmq_network_received_bytes_total")).isPositive();
            assertThat(delta(before, after, "ternmq_network_sent_bytes_total")).isPositive();
            assertThat(after.get("ternmq_clients_connected")).isEqualTo(1);
            assertThat(after.get("ternmq_subscriptions")).isEqualTo(1);
            assertThat(after.get("ternmq_messages_retained")).isEqualTo(1);
        });
    }

    @Test
    void metrics_unacknowledgedQos1_showsInflightThenQueued() {
        RawMqttClient subscriber = broker.subscriber("m-slow", "slow/#", 1);
        RawMqttClient publisher = broker.connected("m-fast");
        for (int i = 1; i <= 72; i++) {
            publisher.send(Packets.publish("slow/t", 1, Retain.NO, Dup.NO, i, "m" + i)).expectPacket(Packets.puback(i));
        }
        AdminHttp http = http();
        // the default window is 64 messages: the rest waits in the session's queue
        await().atMost(BrokerExtension.WAIT).untilAsserted(() -> {
            assertThat(http.metric("ternmq_messages_inflight")).isEqualTo(64);
            assertThat(http.metric("ternmq_messages_queued")).isEqualTo(8);
        });
        subscriber.close();
        await().atMost(BrokerExtension.WAIT).untilAsserted(() -> {
            assertThat(http.metric("ternmq_messages_inflight")).isZero();
            assertThat(http.metric("ternmq_messages_queued")).isZero();
        });
    }

    @Test
    void metrics_sessionThreadClients_evenShareWhileConnectedNoneAfter() {
        AdminHttp http = http();
        List<RawMqttClient> clients = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            clients.add(broker.connected("spread" + i));
        }
        await().atMost(BrokerExtension.WAIT).untilAsserted(() -> {
            List<Double> owned = sessionThreadClients(http.metrics());
            assertThat(owned).isNotEmpty();
            assertThat(owned.stream().mapToDouble(Double::doubleValue).sum()).isEqualTo(6);
            assertThat(Collections.max(owned) - Collections.min(owned)).as("fewest-owned placement").isLessThan(2);
        });
        clients.forEach(client -> client.send(Packets.disconnect()).expectClosed());
        await().atMost(BrokerExtension.WAIT).untilAsserted(() ->
                assertThat(sessionThreadClients(http.metrics())).containsOnly(0.0));
    }

    private static List<Double> sessionThreadClients(Map<String, Double> metrics) {
        return metrics.entrySet().stream().filter(e -> e.getKey().startsWith("ternmq_session_thread_clients{"))
                .map(Map.Entry::getValue).toList();
    }

    private static double delta(Map<String, Double> before, Map<String, Double> after, String sample) {
        assertThat(after).containsKey(sample);
        return after.get(sample) - before.getOrDefault(sample, 0.0);
    }
}
