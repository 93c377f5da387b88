package io.ternmq.e2e.durable;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.MqttGlobalPublishFilter;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;
import io.ternmq.server.Broker;
import io.ternmq.store.StorageMode;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * MQTT 5 session state across a restart on the same data directory (wal mode): the session expiry goes on from
 * where it was, delayed wills wait for what is left of their delay, queued messages keep their properties.
 */
class Mqtt5StateRestartTest {

    private static final Duration WAIT = Duration.ofSeconds(15);

    @TempDir
    Path dataDir;

    private Broker start() {
        return Broker.builder().bind("127.0.0.1").port(0).storageMode(StorageMode.WAL).dataDir(dataDir).start();
    }

    private static Mqtt5BlockingClient client(Broker broker, String clientId) {
        return MqttClient.builder().identifier(clientId).serverHost("127.0.0.1").serverPort(broker.port())
                .useMqttVersion5().buildBlocking();
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void restart_sessionWithExpiry_resumedWithQueuedMessageAndItsProperties() throws Exception {
        // [MQTT-3.1.2-23] [MQTT-3.2.2-3] state kept; [MQTT-3.3.2-17] [MQTT-3.3.2-18] properties kept, in order
        try (Broker broker = start()) {
            Mqtt5BlockingClient subscriber = client(broker, "r5-sub");
            subscriber.connectWith().sessionExpiryInterval(3600).send();
            subscriber.subscribeWith().topicFilter("r5/q").qos(MqttQos.AT_LEAST_ONCE).send();
            subscriber.disconnect();
            Mqtt5BlockingClient publisher = client(broker, "r5-pub");
            publisher.connect();
            publisher.publishWith().topic("r5/q").qos(MqttQos.AT_LEAST_ONCE).payload(utf8("kept"))
                    .messageExpiryInterval(3600).contentType("text/plain").correlationData(utf8("c-1"))
                    .userProperties().add("z", "1").add("a", "2").applyUserProperties().send();
            publisher.disconnect();
        }
        try (Broker broker = start()) {
            Mqtt5BlockingClient subscriber = client(broker, "r5-sub");
            try (var publishes = subscriber.publishes(MqttGlobalPublishFilter.ALL)) {
                assertThat(subscriber.connectWith().cleanStart(false).sessionExpiryInterval(3600).send()
                        .isSessionPresent()).isTrue();
                Optional<Mqtt5Publish> received = publishes.receive(WAIT.toMillis(), TimeUnit.MILLISECONDS);

                assertThat(received).hasValueSatisfying(message -> {
                    assertThat(message.getPayloadAsBytes()).isEqualTo(utf8("kept"));
                    assertThat(message.getUserProperties().asList()).extracting(p -> p.getName().toString())
                            .containsExactly("z", "a");
                    assertThat(message.getContentType()).hasValueSatisfying(t -> assertThat(t.toString())
                            .isEqualTo("text/plain"));
                    assertThat(message.getMessageExpiryInterval().orElseThrow()).isBetween(1L, 3600L);
                });
            }
            subscriber.disconnect();
        }
    }

    @Test
    void restart_sessionExpiryRunning_expiresAfterRestartAsStored() {
        // [MQTT-4.1.0-2] the interval counted before the restart is not started again
        try (Broker broker = start()) {
            Mqtt5BlockingClient client = client(broker, "r5-short");
            client.connectWith().sessionExpiryInterval(2).send();
            client.subscribeWith().topicFilter("r5/short").send();
            client.disconnect();
        }
        try (Broker broker = start()) {
            await().atMost(WAIT).until(() -> broker.stats().expiredSessions() == 1);

            Mqtt5BlockingClient client = client(broker, "r5-short");
            assertThat(client.connectWith().cleanStart(false).sessionExpiryInterval(60).send().isSessionPresent())
                    .isFalse();
            client.disconnect();
        }
    }

    @Test
    void restart_delayedWillWaiting_publishedAfterRestart() throws Exception {
        // [MQTT-3.1.2-8] the will outlives the broker process and is published once its delay is over
        try (Broker broker = start()) {
            var paho = new org.eclipse.paho.mqttv5.client.MqttClient("tcp://127.0.0.1:" + broker.port(), "r5-will",
                    new MemoryPersistence());
            var options = new MqttConnectionOptions();
            options.setSessionExpiryInterval(3600L);
            options.setWill("r5/will", new MqttMessage(utf8("gone"), 1, false, null));
            var willProperties = new MqttProperties();
            willProperties.setWillDelayInterval(3L);
            options.setWillMessageProperties(willProperties);
            paho.connect(options);
            paho.disconnectForcibly(0, 0, false); // no DISCONNECT: the will is due after 3 s
            paho.close();
            await().atMost(WAIT).until(() -> broker.stats().connectedClients() == 0);
        }
        try (Broker broker = start()) {
            Mqtt5BlockingClient watcher = client(broker, "r5-watch");
            try (var publishes = watcher.publishes(MqttGlobalPublishFilter.ALL)) {
                watcher.connect();
                watcher.subscribeWith().topicFilter("r5/will").qos(MqttQos.AT_LEAST_ONCE).send();

                Optional<Mqtt5Publish> will = publishes.receive(WAIT.toMillis(), TimeUnit.MILLISECONDS);

                assertThat(will).hasValueSatisfying(m -> assertThat(m.getPayloadAsBytes()).isEqualTo(utf8("gone")));
            }
            watcher.disconnect();
        }
    }
}
