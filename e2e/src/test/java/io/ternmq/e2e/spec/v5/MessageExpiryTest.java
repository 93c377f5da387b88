package io.ternmq.e2e.spec.v5;

import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;
import io.ternmq.core.DropReason;
import io.ternmq.e2e.BrokerExtension;
import io.ternmq.e2e.spec.v5.V5Clients.Client;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Message expiry (3.3.2.3.3): an expired message is not delivered, a forwarded one carries what is left of its
 * interval. Time passing is observed through the broker itself: a session with a 1 s expiry, disconnected after
 * the messages were published, has expired only once 1 s has passed since.
 */
class MessageExpiryTest {

    @RegisterExtension
    final BrokerExtension broker = BrokerExtension.withDefaults();

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** Returns once at least one second has passed, as the broker's own session expiry tells. */
    private void awaitOneSecondPassed() {
        Client clock = V5Clients.client(broker, "one-second");
        clock.client().connectWith().sessionExpiryInterval(1).send();
        clock.client().disconnect();
        long expiredBefore = broker.stats().expiredSessions();
        await().atMost(BrokerExtension.WAIT).until(() -> broker.stats().expiredSessions() > expiredBefore);
    }

    private Client offlineSubscriber(String clientId, String filter) {
        Client subscriber = V5Clients.client(broker, clientId);
        subscriber.client().connectWith().sessionExpiryInterval(300).send();
        subscriber.client().subscribeWith().topicFilter(filter).qos(MqttQos.AT_LEAST_ONCE).send();
        subscriber.client().disconnect();
        return subscriber;
    }

    private void publish(String topic, String payload, long expiry, boolean retain) {
        Client publisher = V5Clients.client(broker, "publisher-" + payload);
        publisher.client().connect();
        publisher.client().publishWith().topic(topic).qos(MqttQos.AT_LEAST_ONCE).retain(retain)
                .messageExpiryInterval(expiry).payload(utf8(payload)).send();
        publisher.client().disconnect();
    }

    @Test
    void queuedMessage_expiredWhileOffline_notDeliveredAndCounted() {
        // [MQTT-3.3.2-5] expired before onward delivery began: that subscriber's copy is deleted
        offlineSubscriber("me-queued", "me/queued");
        publish("me/queued", "short", 1, false);
        publish("me/queued", "long", 600, false);
        awaitOneSecondPassed();

        Client back = V5Clients.client(broker, "me-queued");
        assertThat(back.client().connectWith().cleanStart(false).sessionExpiryInterval(300).send()
                .isSessionPresent()).isTrue();

        Mqtt5Publish received = back.receive();
        assertThat(new String(received.getPayloadAsBytes(), StandardCharsets.UTF_8)).isEqualTo("long");
        // [MQTT-3.3.2-6] at least one second waited in the broker: the forwarded interval is lower
        assertThat(received.getMessageExpiryInterval().orElseThrow()).isBetween(1L, 599L);
        assertThat(back.receiveNow()).isEmpty();
        assertThat(broker.stats().drops(DropReason.EXPIRED)).isEqualTo(1);
    }

    @Test
    void retainedMessage_expired_notSentToNewSubscriber() {
        // [MQTT-3.3.2-5] a retained message past its expiry is not delivered to a new subscription
        publish("me/retained/short", "short", 1, true);
        publish("me/retained/long", "long", 600, true);
        awaitOneSecondPassed();

        Client late = V5Clients.client(broker, "me-late");
        late.client().connect();
        late.client().subscribeWith().topicFilter("me/retained/#").qos(MqttQos.AT_LEAST_ONCE).send();

        Mqtt5Publish received = late.receive();
        assertThat(new String(received.getPayloadAsBytes(), StandardCharsets.UTF_8)).isEqualTo("long");
        assertThat(received.getMessageExpiryInterval().orElseThrow()).isBetween(1L, 599L); // [MQTT-3.3.2-6]
        Client marker = V5Clients.client(broker, "me-marker");
        marker.client().connect();
        marker.client().publishWith().topic("me/retained/marker").payload(utf8("marker")).send();
        assertThat(new String(late.receive().getPayloadAsBytes(), StandardCharsets.UTF_8)).isEqualTo("marker");
    }

    @Test
    void onlineSubscriber_paho_receivesIntervalNoLargerThanSent() throws Exception {
        // [MQTT-3.3.2-6] forwarded at once: what was received, less nothing or the part of a second waited
        BlockingQueue<MqttMessage> received = new LinkedBlockingQueue<>();
        var client = V5Clients.paho(broker, "me-paho");
        client.setCallback(new Collecting(received));
        client.connect(new MqttConnectionOptions());
        client.subscribe("me/paho", 1);
        var message = new MqttMessage(utf8("hello"), 1, false, null);
        var properties = new MqttProperties();
        properties.setMessageExpiryInterval(30L);
        message.setProperties(properties);
        client.publish("me/paho", message);

        MqttMessage delivered = received.poll(BrokerExtension.WAIT.toMillis(), TimeUnit.MILLISECONDS);
        assertThat(delivered).isNotNull();
        assertThat(delivered.getProperties().getMessageExpiryInterval()).isBetween(1L, 30L);
        client.disconnect();
    }

    @Test
    void noExpiry_forwardedWithoutInterval() {
        // 3.3.2.3.3 absent: the message does not expire, and no interval is forwarded
        Client subscriber = V5Clients.client(broker, "me-none");
        subscriber.client().connect();
        subscriber.client().subscribeWith().topicFilter("me/none").qos(MqttQos.AT_LEAST_ONCE).send();
        Client publisher = V5Clients.client(broker, "me-none-pub");
        publisher.client().connect();
        publisher.client().publishWith().topic("me/none").qos(MqttQos.AT_LEAST_ONCE).payload(utf8("x")).send();

        assertThat(subscriber.receive().getMessageExpiryInterval()).isEmpty();
    }

    /** Paho callback that keeps arrived messages. */
    private record Collecting(BlockingQueue<MqttMessage> received) implements MqttCallback {
        @Override
        public void disconnected(MqttDisconnectResponse response) {
        }

        @Override
        public void mqttErrorOccurred(MqttException exception) {
        }

        @Override
        public void messageArrived(String topic, MqttMessage message) {
            received.add(message);
        }

        @Override
        public void deliveryComplete(IMqttToken token) {
        }

        @Override
        public void connectComplete(boolean reconnect, String serverUri) {
        }

        @Override
        public void authPacketArrived(int reasonCode, MqttProperties properties) {
        }
    }
}
