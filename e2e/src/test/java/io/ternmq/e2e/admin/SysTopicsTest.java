package io.ternmq.e2e.admin;

import com.hivemq.client.mqtt.MqttGlobalPublishFilter;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt3.Mqtt3BlockingClient;
import com.hivemq.client.mqtt.mqtt3.Mqtt3Client;
import com.hivemq.client.mqtt.mqtt3.message.publish.Mqtt3Publish;
import io.ternmq.core.auth.Authorizer;
import io.ternmq.core.auth.ClientIdentity;
import io.ternmq.e2e.BrokerExtension;
import io.ternmq.e2e.HiveMqClients;
import io.ternmq.testkit.Packets;
import io.ternmq.testkit.RawMqttClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The $SYS tree as a real client (HiveMQ, MQTT 3.1.1) subscribed to {@code $SYS/#} receives it. */
class SysTopicsTest {

    /** Only clients whose id starts with "ops-" may subscribe to $SYS. */
    private static final Authorizer SYS_FOR_OPS = new Authorizer() {
        @Override
        public boolean mayPublish(ClientIdentity client, String topic) {
            return true;
        }

        @Override
        public boolean maySubscribe(ClientIdentity client, String topicFilter) {
            return !topicFilter.startsWith("$SYS") || client.clientId().startsWith("ops-");
        }
    };

    @RegisterExtension
    static final BrokerExtension broker = BrokerExtension.with(b -> b.sysInterval(Duration.ofMillis(100))
            .authorizer(SYS_FOR_OPS));

    private Mqtt3BlockingClient connected(String identifier) {
        Mqtt3BlockingClient client = Mqtt3Client.builder().identifier(identifier).serverHost("127.0.0.1")
                .serverPort(broker.port()).buildBlocking();
        client.connect();
        broker.closeAfterTest(() -> HiveMqClients.disconnectIfConnected(client));
        return client;
    }

    @Test
    void sysTree_subscribedClient_receivesTheDocumentedTopics() throws InterruptedException {
        Mqtt3BlockingClient client = connected("ops-watcher");
        Map<String, String> received = new ConcurrentHashMap<>();
        var publishes = broker.closeAfterTest(client.publishes(MqttGlobalPublishFilter.ALL));
        client.subscribeWith().topicFilter("$SYS/#").qos(MqttQos.AT_MOST_ONCE).send();
        await().atMost(BrokerExtension.WAIT).until(() -> {
            publishes.receive(100, TimeUnit.MILLISECONDS).ifPresent(p -> received.put(p.getTopic().toString(),
                    text(p)));
            return received.keySet().containsAll(List.of(
                    "$SYS/broker/version", "$SYS/broker/uptime", "$SYS/broker/clients/connected",
                    "$SYS/broker/clients/total", "$SYS/broker/messages/received", "$SYS/broker/messages/sent",
                    "$SYS/broker/bytes/received", "$SYS/broker/bytes/sent", "$SYS/broker/subscriptions/count",
                    "$SYS/broker/retained messages/count", "$SYS/broker/load/messages/received/1min",
                    "$SYS/broker/load/messages/sent/5min", "$SYS/broker/load/bytes/received/15min",
                    "$SYS/broker/publish/messages/received"));
        });
        assertThat(received.get("$SYS/broker/version")).startsWith("TernMQ version ");
        assertThat(received.get("$SYS/broker/uptime")).matches("\\d+ seconds");
        assertThat(received.get("$SYS/broker/clients/connected")).matches("\\d+");
        assertThat(received.get("$SYS/broker/load/messages/received/1min")).matches("\\d+\\.\\d\\d");
    }

    @Test
    void sysTree_clientCount_followsConnects() {
        Mqtt3BlockingClient watcher = connected("ops-counter");
        var publishes = broker.closeAfterTest(watcher.publishes(MqttGlobalPublishFilter.ALL));
        watcher.subscribeWith().topicFilter("$SYS/broker/clients/connected").qos(MqttQos.AT_MOST_ONCE).send();
        connected("ops-second");
        Map<String, String> latest = new ConcurrentHashMap<>();
        await().atMost(BrokerExtension.WAIT).until(() -> {
            publishes.receive(100, TimeUnit.MILLISECONDS).ifPresent(p -> latest.put("n", text(p)));
            return "2".equals(latest.get("n"));
        });
        assertThat(latest.get("n")).isEqualTo("2");
    }

    @Test
    void sysTree_authorizerRefuses_subscriptionFailsAndNothingArrives() {
        RawMqttClient client = broker.connected("guest-1");
        client.send(Packets.subscribe(1, "$SYS/#", 0)).expectPacket(Packets.suback(1, 0x80));
        client.expectNothing(Duration.ofMillis(300)); // three $SYS intervals
    }

    private static String text(Mqtt3Publish publish) {
        return new String(publish.getPayloadAsBytes(), StandardCharsets.UTF_8);
    }
}
