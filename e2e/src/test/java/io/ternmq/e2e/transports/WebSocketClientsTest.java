package io.ternmq.e2e.transports;

import com.hivemq.client.mqtt.MqttClientSslConfig;
import com.hivemq.client.mqtt.MqttGlobalPublishFilter;
import com.hivemq.client.mqtt.MqttWebSocketConfig;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt3.Mqtt3BlockingClient;
import com.hivemq.client.mqtt.mqtt3.Mqtt3Client;
import com.hivemq.client.mqtt.mqtt3.Mqtt3ClientBuilder;
import io.ternmq.e2e.BrokerExtension;
import io.ternmq.e2e.HiveMqClients;
import io.ternmq.testkit.TestCertificates;
import io.ternmq.transport.ListenerConfig;
import io.ternmq.transport.TlsConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The HiveMQ client over WebSocket ("ws") and secure WebSocket ("wss"), path /mqtt, next to a TCP client. */
class WebSocketClientsTest {

    private static final TestCertificates CERTIFICATES = SharedCertificates.get();

    @RegisterExtension
    static final BrokerExtension broker = BrokerExtension.with(b -> b
            .listener(ListenerConfig.ws("ws", "127.0.0.1", 0))
            .listener(ListenerConfig.wss("wss", "127.0.0.1", 0, TlsConfig.server(
                    CERTIFICATES.server().certificateFile(), CERTIFICATES.server().keyFile()))));

    private Mqtt3BlockingClient client(String identifier, Mqtt3ClientBuilder builder) {
        Mqtt3BlockingClient client = builder.identifier(identifier).serverHost("localhost").buildBlocking();
        broker.closeAfterTest(() -> HiveMqClients.disconnectIfConnected(client));
        return client;
    }

    private static Mqtt3ClientBuilder overWebSocket(String path) {
        return Mqtt3Client.builder().serverPort(broker.broker().port("ws"))
                .webSocketConfig(MqttWebSocketConfig.builder().serverPath(path).build());
    }

    private static Mqtt3ClientBuilder overSecureWebSocket() {
        return Mqtt3Client.builder().serverPort(broker.broker().port("wss"))
                .webSocketConfig(MqttWebSocketConfig.builder().serverPath("mqtt").build())
                .sslConfig(MqttClientSslConfig.builder().trustManagerFactory(CERTIFICATES.trustManagers()).build());
    }

    private void roundTrip(Mqtt3BlockingClient subscriber, Mqtt3BlockingClient publisher, String topic)
            throws InterruptedException {
        subscriber.connect();
        publisher.connect();
        var publishes = broker.closeAfterTest(subscriber.publishes(MqttGlobalPublishFilter.ALL));
        subscriber.subscribeWith().topicFilter(topic).qos(MqttQos.EXACTLY_ONCE).send();
        // Bigger than one typical WebSocket frame buffer, so that framing on both sides is exercised.
        byte[] payload = "x".repeat(70_000).getBytes(StandardCharsets.UTF_8);

        publisher.publishWith().topic(topic).qos(MqttQos.EXACTLY_ONCE).payload(payload).send();

        var received = publishes.receive(BrokerExtension.WAIT.toMillis(), TimeUnit.MILLISECONDS).orElseThrow();
        assertThat(received.getPayloadAsBytes()).isEqualTo(payload);
    }

    @Test
    void ws_publisherAndSubscriber_exchangeMessages() throws InterruptedException {
        roundTrip(client("ws-sub", overWebSocket("mqtt")), client("ws-pub", overWebSocket("mqtt")), "ws/t");
    }

    @Test
    void wss_publisherAndSubscriber_exchangeMessages() throws InterruptedException {
        roundTrip(client("wss-sub", overSecureWebSocket()), client("wss-pub", overSecureWebSocket()), "wss/t");
    }

    @Test
    void ws_toTcpSubscriber_crossesTransports() throws InterruptedException {
        roundTrip(client("tcp-sub", Mqtt3Client.builder().serverPort(broker.port())),
                client("ws-pub-2", overWebSocket("mqtt")), "mixed/t");
    }

    @Test
    void ws_otherPath_isRefused() {
        Mqtt3BlockingClient client = client("ws-wrong-path", overWebSocket("not-mqtt"));

        assertThatThrownBy(client::connect).isInstanceOf(RuntimeException.class);
    }
}
