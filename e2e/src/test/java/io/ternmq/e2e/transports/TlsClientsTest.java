package io.ternmq.e2e.transports;

import com.hivemq.client.mqtt.MqttClientSslConfig;
import com.hivemq.client.mqtt.MqttGlobalPublishFilter;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt3.Mqtt3BlockingClient;
import com.hivemq.client.mqtt.mqtt3.Mqtt3Client;
import io.ternmq.core.auth.AuthenticationRequest;
import io.ternmq.core.auth.AuthenticationResult;
import io.ternmq.e2e.BrokerExtension;
import io.ternmq.e2e.HiveMqClients;
import io.ternmq.testkit.TestCertificates;
import io.ternmq.transport.CertificateIdentity;
import io.ternmq.transport.ClientCertificates;
import io.ternmq.transport.ListenerConfig;
import io.ternmq.transport.TlsConfig;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Real clients over TLS: server authentication only ("tls"), an encrypted key ("tls-encrypted"), and mutual TLS
 * with the client certificate's CN as identity ("mtls"). A recording authenticator shows what reached it.
 */
class TlsClientsTest {

    private static final TestCertificates CERTIFICATES = SharedCertificates.get();
    private static final Map<String, AuthenticationRequest> SEEN = new ConcurrentHashMap<>();

    private static final TlsConfig SERVER_ONLY = TlsConfig.server(CERTIFICATES.server().certificateFile(),
            CERTIFICATES.server().keyFile());

    @RegisterExtension
    static final BrokerExtension broker = BrokerExtension.with(b -> b
            .listener(ListenerConfig.tls("tls", "127.0.0.1", 0, SERVER_ONLY))
            .listener(ListenerConfig.tls("tls-encrypted", "127.0.0.1", 0,
                    TlsConfig.server(CERTIFICATES.server().certificateFile(), CERTIFICATES.encryptedServerKey())
                            .withKeyPassword(TestCertificates.KEY_PASSWORD)))
            .listener(ListenerConfig.tls("mtls", "127.0.0.1", 0, SERVER_ONLY.withClientCertificates(
                    CERTIFICATES.ca().certificateFile(), ClientCertificates.REQUIRED, CertificateIdentity.COMMON_NAME)))
            .authenticator(request -> {
                SEEN.put(request.clientId(), request);
                return CompletableFuture.completedFuture(AuthenticationResult.ALLOWED);
            }));

    private Mqtt3BlockingClient hivemq(String identifier, String listener, MqttClientSslConfig ssl) {
        Mqtt3BlockingClient client = Mqtt3Client.builder().identifier(identifier).serverHost("localhost")
                .serverPort(broker.broker().port(listener)).sslConfig(ssl).buildBlocking();
        broker.closeAfterTest(() -> HiveMqClients.disconnectIfConnected(client));
        return client;
    }

    private MqttClient paho(String uri, String clientId) throws MqttException {
        MqttClient client = new MqttClient(uri, clientId, new MemoryPersistence());
        client.setTimeToWait(BrokerExtension.WAIT.toMillis());
        broker.closeAfterTest(() -> {
            if (client.isConnected()) {
                client.disconnect(0);
            }
            client.close();
        });
        return client;
    }

    private static MqttClientSslConfig trustingTheCa() {
        return MqttClientSslConfig.builder().trustManagerFactory(CERTIFICATES.trustManagers()).build();
    }

    private static MqttClientSslConfig presenting(TestCertificates.Issued identity) {
        return MqttClientSslConfig.builder().trustManagerFactory(CERTIFICATES.trustManagers())
                .keyManagerFactory(CERTIFICATES.keyManagers(identity)).build();
    }

    @Test
    void hivemq_overTls_publishesAndReceives() throws InterruptedException {
        Mqtt3BlockingClient client = hivemq("hive-tls", "tls", trustingTheCa());
        client.connect();
        var publishes = broker.closeAfterTest(client.publishes(MqttGlobalPublishFilter.ALL));
        client.subscribeWith().topicFilter("tls/#").qos(MqttQos.AT_LEAST_ONCE).send();

        client.publishWith().topic("tls/a").qos(MqttQos.AT_LEAST_ONCE)
                .payload("secret".getBytes(StandardCharsets.UTF_8)).send();

        var received = publishes.receive(BrokerExtension.WAIT.toMillis(), TimeUnit.MILLISECONDS).orElseThrow();
        assertThat(received.getPayloadAsBytes()).asString(StandardCharsets.UTF_8).isEqualTo("secret");
        assertThat(SEEN.get("hive-tls").listenerName()).isEqualTo("tls");
        assertThat(SEEN.get("hive-tls").certificateIdentity()).isNull();
    }

    @Test
    void hivemq_encryptedServerKey_connects() {
        Mqtt3BlockingClient client = hivemq("hive-encrypted", "tls-encrypted", trustingTheCa());

        assertThat(client.connect().getReturnCode().isError()).isFalse();
    }

    @Test
    void paho_overTls_publishesToATcpSubscriber() throws MqttException, InterruptedException {
        BlockingQueue<String> received = new ArrayBlockingQueue<>(4);
        var subscriber = paho("tcp://127.0.0.1:" + broker.port(), "paho-sub");
        subscriber.connect();
        subscriber.subscribe("mixed/#", 1, (topic, message) -> received.add(new String(message.getPayload(),
                StandardCharsets.UTF_8)));
        var publisher = paho("ssl://localhost:" + broker.broker().port("tls"), "paho-tls");
        MqttConnectOptions options = new MqttConnectOptions();
        options.setSocketFactory(CERTIFICATES.clientContext().getSocketFactory());
        publisher.connect(options);

        publisher.publish("mixed/x", new MqttMessage("over tls".getBytes(StandardCharsets.UTF_8)));

        assertThat(received.poll(BrokerExtension.WAIT.toMillis(), TimeUnit.MILLISECONDS)).isEqualTo("over tls");
    }

    @Test
    void mtls_clientCertificateFromTheCa_isAcceptedAndItsCnReachesTheAuthenticator() {
        Mqtt3BlockingClient client = hivemq("hive-mtls", "mtls", presenting(CERTIFICATES.client()));

        client.connect();

        assertThat(SEEN.get("hive-mtls").listenerName()).isEqualTo("mtls");
        assertThat(SEEN.get("hive-mtls").certificateIdentity()).isEqualTo(TestCertificates.CLIENT_COMMON_NAME);
    }

    @Test
    void mtls_clientCertificateFromAnUnknownCa_isRejected() {
        Mqtt3BlockingClient client = hivemq("hive-intruder", "mtls", presenting(CERTIFICATES.unknownClient()));

        assertThatThrownBy(client::connect).isInstanceOf(RuntimeException.class);
        assertThat(SEEN).doesNotContainKey("hive-intruder");
    }

    @Test
    void mtls_noClientCertificate_isRejected() {
        Mqtt3BlockingClient client = hivemq("hive-anonymous", "mtls", trustingTheCa());

        assertThatThrownBy(client::connect).isInstanceOf(RuntimeException.class);
        assertThat(SEEN).doesNotContainKey("hive-anonymous");
    }

    @Test
    void paho_mtls_clientCertificate_isAccepted() throws MqttException {
        var client = paho("ssl://localhost:" + broker.broker().port("mtls"), "paho-mtls");
        MqttConnectOptions options = new MqttConnectOptions();
        options.setSocketFactory(CERTIFICATES.clientContext(CERTIFICATES.client()).getSocketFactory());

        client.connect(options);

        assertThat(client.isConnected()).isTrue();
        assertThat(SEEN.get("paho-mtls").certificateIdentity()).isEqualTo(TestCertificates.CLIENT_COMMON_NAME);
    }

    @Test
    void hivemq_serverNotTrusted_isRefusedByTheClient() {
        var untrusting = MqttClientSslConfig.builder()
                .trustManagerFactory(CERTIFICATES.unknownCaTrustManagers()).build();
        Mqtt3BlockingClient client = hivemq("hive-untrusting", "tls", untrusting);

        assertThatThrownBy(client::connect).isInstanceOf(RuntimeException.class);
    }
}
