package io.ternmq.e2e.clients;

import io.ternmq.e2e.BrokerExtension;
import io.ternmq.testkit.CleanSession;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttCallback;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The broker as Eclipse Paho's MQTT v3 client sees it. */
class PahoClientTest {

    @RegisterExtension
    static final BrokerExtension broker = BrokerExtension.withDefaults();

    /** A message as the callback saw it. */
    private record Received(String topic, MqttMessage message) {
        String text() {
            return new String(message.getPayload(), StandardCharsets.UTF_8);
        }
    }

    /** A Paho client with its received messages queued for the test. */
    private record Paho(MqttClient client, BlockingQueue<Received> received) {
        Received next() throws InterruptedException {
            Received r = received.poll(BrokerExtension.WAIT.toMillis(), TimeUnit.MILLISECONDS);
            if (r == null) {
                throw new AssertionError("no message within " + BrokerExtension.WAIT);
            }
            return r;
        }
    }

    private Paho client(String clientId) throws MqttException {
        MqttClient client = new MqttClient("tcp://127.0.0.1:" + broker.port(), clientId, new MemoryPersistence());
        client.setTimeToWait(BrokerExtension.WAIT.toMillis());
        BlockingQueue<Received> received = new LinkedBlockingQueue<>();
        client.setCallback(new MqttCallback() {
            @Override
            public void connectionLost(Throwable cause) {
                // Tests that cut connections check the consequences on other clients.
            }

            @Override
            public void messageArrived(String topic, MqttMessage message) {
                received.add(new Received(topic, message));
            }

            @Override
            public void deliveryComplete(IMqttDeliveryToken token) {
                // Completion is observed through the blocking publish call.
            }
        });
        broker.closeAfterTest(() -> {
            if (client.isConnected()) {
                client.disconnect(0); // no quiescing: the test is over
            }
            client.close();
        });
        return new Paho(client, received);
    }

    private static MqttConnectOptions options(CleanSession cleanSession) {
        MqttConnectOptions options = new MqttConnectOptions();
        options.setCleanSession(cleanSession == CleanSession.YES);
        options.setAutomaticReconnect(false);
        options.setConnectionTimeout((int) BrokerExtension.WAIT.toSeconds());
        return options;
    }

    private Paho connected(String clientId) throws MqttException {
        Paho paho = client(clientId);
        paho.client().connect(options(CleanSession.YES));
        return paho;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void connect_cleanSession_acceptedWithoutSessionPresent() throws MqttException {
        Paho paho = client("pa-connect");
        assertThat(paho.client().connectWithResult(options(CleanSession.YES)).getSessionPresent()).isFalse();
        assertThat(paho.client().isConnected()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2})
    void publish_eachQos_roundTripsAtThatQos(int qos) throws Exception {
        Paho subscriber = connected("pa-sub-" + qos);
        subscriber.client().subscribe("pa/qos/" + qos, qos);
        connected("pa-pub-" + qos).client().publish("pa/qos/" + qos, bytes("at " + qos), qos, false);
        Received r = subscriber.next();
        assertThat(r.text()).isEqualTo("at " + qos);
        assertThat(r.message().getQos()).isEqualTo(qos);
        assertThat(r.message().isRetained()).isFalse();
    }

    @Test
    void retained_newSubscriber_receivesItFlaggedRetained() throws Exception {
        connected("pa-ret-pub").client().publish("pa/retained", bytes("kept"), 1, true);
        Paho subscriber = connected("pa-ret-sub");
        subscriber.client().subscribe("pa/retained", 1);
        Received r = subscriber.next();
        assertThat(r.text()).isEqualTo("kept");
        assertThat(r.message().isRetained()).isTrue();
    }

    @Test
    void will_connectionDroppedWithoutDisconnect_publishedToSubscriber() throws Exception {
        Paho watcher = connected("pa-will-watch");
        watcher.client().subscribe("pa/will", 2);
        Paho dying = client("pa-will");
        MqttConnectOptions options = options(CleanSession.YES);
        options.setWill("pa/will", bytes("gone"), 2, false);
        dying.client().connect(options);
        dying.client().disconnectForcibly(0, 0, false); // closes the socket without sending DISCONNECT
        Received will = watcher.next();
        assertThat(will.text()).isEqualTo("gone");
        assertThat(will.message().getQos()).isEqualTo(2);
    }

    @Test
    void persistentSession_messagesWhileOffline_deliveredOnReconnect() throws Exception {
        Paho first = client("pa-persist");
        first.client().connect(options(CleanSession.NO));
        first.client().subscribe("pa/offline", 1);
        first.client().disconnect();

        Paho publisher = connected("pa-persist-pub");
        for (int i = 1; i <= 3; i++) {
            publisher.client().publish("pa/offline", bytes("m" + i), 1, false);
        }

        Paho again = client("pa-persist");
        assertThat(again.client().connectWithResult(options(CleanSession.NO)).getSessionPresent()).isTrue();
        for (int i = 1; i <= 3; i++) {
            Received r = again.next();
            assertThat(r.text()).isEqualTo("m" + i);
            assertThat(r.message().getQos()).isEqualTo(1);
        }
    }

    @Test
    void unsubscribe_thenPublish_nothingDeliveredForThatFilter() throws Exception {
        Paho subscriber = connected("pa-unsub");
        subscriber.client().subscribe("pa/unsub/gone", 1);
        subscriber.client().subscribe("pa/unsub/stay", 1);
        subscriber.client().unsubscribe("pa/unsub/gone");
        Paho publisher = connected("pa-unsub-pub");
        publisher.client().publish("pa/unsub/gone", bytes("not for you"), 1, false);
        publisher.client().publish("pa/unsub/stay", bytes("marker"), 1, false);
        assertThat(subscriber.next().topic()).isEqualTo("pa/unsub/stay");
    }
}
