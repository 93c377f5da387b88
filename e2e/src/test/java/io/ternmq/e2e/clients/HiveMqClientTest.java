package io.ternmq.e2e.clients;

import com.hivemq.client.mqtt.MqttGlobalPublishFilter;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt3.Mqtt3BlockingClient;
import com.hivemq.client.mqtt.mqtt3.Mqtt3BlockingClient.Mqtt3Publishes;
import com.hivemq.client.mqtt.mqtt3.Mqtt3Client;
import com.hivemq.client.mqtt.mqtt3.message.connect.connack.Mqtt3ConnAck;
import com.hivemq.client.mqtt.mqtt3.message.connect.connack.Mqtt3ConnAckReturnCode;
import com.hivemq.client.mqtt.mqtt3.message.publish.Mqtt3Publish;
import io.ternmq.e2e.BrokerExtension;
import io.ternmq.e2e.HiveMqClients;
import io.ternmq.testkit.Retain;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The broker as the HiveMQ MQTT client (MQTT 3.1.1, blocking API) sees it. */
class HiveMqClientTest {

    @RegisterExtension
    static final BrokerExtension broker = BrokerExtension.withDefaults();

    private Mqtt3BlockingClient client(String identifier) {
        Mqtt3BlockingClient client = Mqtt3Client.builder().identifier(identifier).serverHost("127.0.0.1")
                .serverPort(broker.port()).buildBlocking();
        broker.closeAfterTest(() -> HiveMqClients.disconnectIfConnected(client));
        return client;
    }

    private Mqtt3BlockingClient connected(String identifier) {
        Mqtt3BlockingClient client = client(identifier);
        client.connect();
        return client;
    }

    private Mqtt3Publishes publishes(Mqtt3BlockingClient client) {
        return broker.closeAfterTest(client.publishes(MqttGlobalPublishFilter.ALL));
    }

    private static Mqtt3Publish receive(Mqtt3Publishes publishes) throws InterruptedException {
        return publishes.receive(BrokerExtension.WAIT.toMillis(), TimeUnit.MILLISECONDS)
                .orElseThrow(() -> new AssertionError("no message within " + BrokerExtension.WAIT));
    }

    private static String text(Mqtt3Publish publish) {
        return new String(publish.getPayloadAsBytes(), StandardCharsets.UTF_8);
    }

    private static void publish(Mqtt3BlockingClient client, String topic, String payload, MqttQos qos,
                                Retain retain) {
        client.publishWith().topic(topic).payload(payload.getBytes(StandardCharsets.UTF_8)).qos(qos)
                .retain(retain == Retain.YES).send();
    }

    @Test
    void connect_cleanSession_acceptedWithoutSessionPresent() {
        Mqtt3ConnAck connAck = client("h-connect").connectWith().cleanSession(true).send();
        assertThat(connAck.getReturnCode()).isEqualTo(Mqtt3ConnAckReturnCode.SUCCESS);
        assertThat(connAck.isSessionPresent()).isFalse();
    }

    @ParameterizedTest
    @EnumSource(MqttQos.class)
    void publish_eachQos_roundTripsAtThatQos(MqttQos qos) throws InterruptedException {
        Mqtt3BlockingClient subscriber = connected("h-sub-" + qos.getCode());
        Mqtt3Publishes received = publishes(subscriber);
        subscriber.subscribeWith().topicFilter("h/qos/" + qos.getCode()).qos(qos).send();
        publish(connected("h-pub-" + qos.getCode()), "h/qos/" + qos.getCode(), "at " + qos, qos, Retain.NO);
        Mqtt3Publish message = receive(received);
        assertThat(text(message)).isEqualTo("at " + qos);
        assertThat(message.getQos()).isEqualTo(qos);
        assertThat(message.isRetain()).isFalse();
    }

    @Test
    void retained_newSubscriber_receivesItFlaggedRetained() throws InterruptedException {
        publish(connected("h-ret-pub"), "h/retained", "kept", MqttQos.AT_LEAST_ONCE, Retain.YES);
        Mqtt3BlockingClient subscriber = connected("h-ret-sub");
        Mqtt3Publishes received = publishes(subscriber);
        subscriber.subscribeWith().topicFilter("h/retained").qos(MqttQos.AT_LEAST_ONCE).send();
        Mqtt3Publish message = receive(received);
        assertThat(text(message)).isEqualTo("kept");
        assertThat(message.isRetain()).isTrue();
    }

    @Test
    void will_takeover_publishedToSubscriber() throws InterruptedException {
        Mqtt3BlockingClient watcher = connected("h-will-watch");
        Mqtt3Publishes received = publishes(watcher);
        watcher.subscribeWith().topicFilter("h/will").qos(MqttQos.AT_LEAST_ONCE).send();
        client("h-will").connectWith().willPublish().topic("h/will").payload("gone".getBytes(StandardCharsets.UTF_8))
                .qos(MqttQos.AT_LEAST_ONCE).applyWillPublish().send();
        connected("h-will"); // takes the client id over: the first connection ends abnormally
        Mqtt3Publish will = receive(received);
        assertThat(text(will)).isEqualTo("gone");
        assertThat(will.getQos()).isEqualTo(MqttQos.AT_LEAST_ONCE);
    }

    @Test
    void persistentSession_messagesWhileOffline_deliveredOnReconnect() throws InterruptedException {
        Mqtt3BlockingClient first = client("h-persist");
        first.connectWith().cleanSession(false).send();
        first.subscribeWith().topicFilter("h/offline").qos(MqttQos.EXACTLY_ONCE).send();
        first.disconnect();

        Mqtt3BlockingClient publisher = connected("h-persist-pub");
        for (int i = 1; i <= 3; i++) {
            publish(publisher, "h/offline", "m" + i, MqttQos.AT_LEAST_ONCE, Retain.NO);
        }

        Mqtt3BlockingClient again = client("h-persist");
        Mqtt3Publishes received = publishes(again);
        Mqtt3ConnAck connAck = again.connectWith().cleanSession(false).send();
        assertThat(connAck.isSessionPresent()).isTrue();
        for (int i = 1; i <= 3; i++) {
            Mqtt3Publish message = receive(received);
            assertThat(text(message)).isEqualTo("m" + i);
            assertThat(message.getQos()).isEqualTo(MqttQos.AT_LEAST_ONCE);
        }
    }

    @Test
    void unsubscribe_thenPublish_nothingDeliveredForThatFilter() throws InterruptedException {
        Mqtt3BlockingClient subscriber = connected("h-unsub");
        Mqtt3Publishes received = publishes(subscriber);
        subscriber.subscribeWith().topicFilter("h/unsub/gone").qos(MqttQos.AT_LEAST_ONCE).send();
        subscriber.subscribeWith().topicFilter("h/unsub/stay").qos(MqttQos.AT_LEAST_ONCE).send();
        subscriber.unsubscribeWith().topicFilter("h/unsub/gone").send();
        Mqtt3BlockingClient publisher = connected("h-unsub-pub");
        publish(publisher, "h/unsub/gone", "not for you", MqttQos.AT_LEAST_ONCE, Retain.NO);
        publish(publisher, "h/unsub/stay", "marker", MqttQos.AT_LEAST_ONCE, Retain.NO);
        Mqtt3Publish next = receive(received);
        assertThat(next.getTopic().toString()).isEqualTo("h/unsub/stay");
    }
}
