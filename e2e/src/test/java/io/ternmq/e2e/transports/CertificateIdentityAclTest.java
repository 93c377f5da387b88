package io.ternmq.e2e.transports;

import com.hivemq.client.mqtt.MqttClientSslConfig;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt3.Mqtt3BlockingClient;
import com.hivemq.client.mqtt.mqtt3.Mqtt3Client;
import com.hivemq.client.mqtt.mqtt3.exceptions.Mqtt3SubAckException;
import com.hivemq.client.mqtt.mqtt3.message.subscribe.suback.Mqtt3SubAckReturnCode;
import io.ternmq.e2e.BrokerExtension;
import io.ternmq.e2e.HiveMqClients;
import io.ternmq.testkit.TestCertificates;
import io.ternmq.transport.CertificateIdentity;
import io.ternmq.transport.ClientCertificates;
import io.ternmq.transport.ListenerConfig;
import io.ternmq.transport.TlsConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A listener that takes the client certificate's CN as identity: the ACL sees that CN as the user name, and a
 * user name claimed in the CONNECT does not override it.
 */
class CertificateIdentityAclTest {

    private static final TestCertificates CERTIFICATES = SharedCertificates.get();

    private static final Path ACL = aclFile("""
            user %s
            topic readwrite devices/%s/#
            user mallory
            topic readwrite #
            """.formatted(TestCertificates.CLIENT_COMMON_NAME, TestCertificates.CLIENT_COMMON_NAME));

    @RegisterExtension
    static final BrokerExtension broker = BrokerExtension.with(b -> b
            .listener(ListenerConfig.tls("mtls", "127.0.0.1", 0,
                    TlsConfig.server(CERTIFICATES.server().certificateFile(), CERTIFICATES.server().keyFile())
                            .withClientCertificates(CERTIFICATES.ca().certificateFile(), ClientCertificates.REQUIRED,
                                    CertificateIdentity.COMMON_NAME)))
            .aclFile(ACL));

    private static Path aclFile(String rules) {
        try {
            Path file = Files.createTempFile("ternmq-cert-acl", ".conf");
            file.toFile().deleteOnExit();
            return Files.writeString(file, rules, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Mqtt3BlockingClient deviceClient(String identifier) {
        MqttClientSslConfig ssl = MqttClientSslConfig.builder().trustManagerFactory(CERTIFICATES.trustManagers())
                .keyManagerFactory(CERTIFICATES.keyManagers(CERTIFICATES.client())).build();
        Mqtt3BlockingClient client = Mqtt3Client.builder().identifier(identifier).serverHost("localhost")
                .serverPort(broker.broker().port("mtls")).sslConfig(ssl).buildBlocking();
        broker.closeAfterTest(() -> HiveMqClients.disconnectIfConnected(client));
        return client;
    }

    @Test
    void subscribe_certificateCnIsTheAclUser_ownTopicsGrantedOthersRefused() {
        Mqtt3BlockingClient client = deviceClient("cert-acl-1");
        client.connect();

        var own = client.subscribeWith().topicFilter("devices/" + TestCertificates.CLIENT_COMMON_NAME + "/cmd")
                .qos(MqttQos.AT_LEAST_ONCE).send();

        assertThat(own.getReturnCodes()).containsExactly(Mqtt3SubAckReturnCode.SUCCESS_MAXIMUM_QOS_1);
        assertRefused(client, "devices/other/cmd");
    }

    @Test
    void subscribe_claimedUserNameIsIgnored_certificateIdentityWins() {
        Mqtt3BlockingClient client = deviceClient("cert-acl-2");
        client.connectWith().simpleAuth().username("mallory").applySimpleAuth().send();

        assertRefused(client, "#");
    }

    /** The blocking client reports a SUBACK holding only failure codes as an exception carrying that SUBACK. */
    private static void assertRefused(Mqtt3BlockingClient client, String filter) {
        assertThatThrownBy(() -> client.subscribeWith().topicFilter(filter).qos(MqttQos.AT_MOST_ONCE).send())
                .isInstanceOfSatisfying(Mqtt3SubAckException.class, e -> assertThat(e.getMqttMessage()
                        .getReturnCodes()).containsExactly(Mqtt3SubAckReturnCode.FAILURE));
    }
}
