package io.ternmq.e2e.clients;

import com.hivemq.client.mqtt.MqttGlobalPublishFilter;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5Client;
import com.hivemq.client.mqtt.mqtt5.exceptions.Mqtt5ConnAckException;
import com.hivemq.client.mqtt.mqtt5.exceptions.Mqtt5SubAckException;
import com.hivemq.client.mqtt.mqtt5.message.connect.connack.Mqtt5ConnAckReasonCode;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;
import com.hivemq.client.mqtt.mqtt5.message.subscribe.suback.Mqtt5SubAckReasonCode;
import io.ternmq.e2e.BrokerExtension;
import io.ternmq.e2e.HiveMqClients;
import io.ternmq.server.security.AnonymousAccess;
import io.ternmq.server.security.PasswordFile;
import io.ternmq.server.security.ScramCredential;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** SCRAM-SHA-256 enhanced authentication as the HiveMQ MQTT client (Mqtt5EnhancedAuthMechanism) does it. */
class HiveMqEnhancedAuthTest {

    @RegisterExtension
    static final BrokerExtension broker = BrokerExtension.with(b -> b.passwordFile(passwords())
            .aclFile(acl()).anonymousAccess(AnonymousAccess.DENIED));

    private static Path directory() {
        try {
            Path directory = Files.createTempDirectory("ternmq-hivemq-scram");
            directory.toFile().deleteOnExit();
            return directory;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The SCRAM user's own topics, and nothing else for anyone. */
    private static Path acl() {
        try {
            Path file = Files.writeString(directory().resolve("acl"), "user sam\ntopic readwrite sam/#\n");
            file.toFile().deleteOnExit();
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path passwords() {
        try {
            Path file = directory().resolve("passwords");
            PasswordFile passwords = PasswordFile.empty();
            passwords.put("sam", ScramCredential.create("pencil".getBytes(StandardCharsets.UTF_8),
                    ScramCredential.MIN_ITERATIONS));
            passwords.write(file);
            file.toFile().deleteOnExit();
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Mqtt5BlockingClient client(String identifier, HiveMqScramMechanism mechanism) {
        Mqtt5BlockingClient client = Mqtt5Client.builder().identifier(identifier).serverHost("127.0.0.1")
                .serverPort(broker.port()).enhancedAuth(mechanism).buildBlocking();
        broker.closeAfterTest(() -> HiveMqClients.disconnectIfConnected(client));
        return client;
    }

    @Test
    void scram_rightPassword_connectedAndServerSignatureVerified() throws InterruptedException {
        HiveMqScramMechanism scram = new HiveMqScramMechanism("sam", "pencil");
        Mqtt5BlockingClient client = client("hs-ok", scram);

        assertThat(client.connect().getReasonCode()).isEqualTo(Mqtt5ConnAckReasonCode.SUCCESS);

        assertThat(scram.events).containsExactly("connect verified");
        var publishes = broker.closeAfterTest(client.publishes(MqttGlobalPublishFilter.ALL));
        client.subscribeWith().topicFilter("sam/echo").qos(MqttQos.AT_LEAST_ONCE).send();
        client.publishWith().topic("sam/echo").qos(MqttQos.AT_LEAST_ONCE).payload(new byte[] {1}).send();
        Mqtt5Publish echoed = publishes.receive(BrokerExtension.WAIT.toMillis(), TimeUnit.MILLISECONDS)
                .orElseThrow();
        assertThat(echoed.getPayloadAsBytes()).containsExactly(1);
    }

    @Test
    void scram_authenticatedUser_isTheUserTheAclSees() {
        Mqtt5BlockingClient client = client("hs-acl", new HiveMqScramMechanism("sam", "pencil"));
        client.connect();

        assertThat(client.subscribeWith().topicFilter("sam/mine").send().getReasonCodes())
                .containsExactly(Mqtt5SubAckReasonCode.GRANTED_QOS_2); // the client asks for QoS 2 by default
        assertThatThrownBy(() -> client.subscribeWith().topicFilter("other/topic").send())
                .isInstanceOfSatisfying(Mqtt5SubAckException.class, refused ->
                        assertThat(refused.getMqttMessage().getReasonCodes())
                                .containsExactly(Mqtt5SubAckReasonCode.NOT_AUTHORIZED));
    }

    @Test
    void scram_wrongPassword_connAckNotAuthorized() {
        HiveMqScramMechanism scram = new HiveMqScramMechanism("sam", "pen");
        Mqtt5BlockingClient client = client("hs-wrong", scram);

        assertThatThrownBy(client::connect).isInstanceOfSatisfying(Mqtt5ConnAckException.class, refused ->
                assertThat(refused.getMqttMessage().getReasonCode()).isEqualTo(Mqtt5ConnAckReasonCode.NOT_AUTHORIZED));
        assertThat(scram.events).containsExactly("connect rejected NOT_AUTHORIZED");
    }

    @Test
    void reauthenticate_samePassword_succeedsAndConnectionStays() {
        HiveMqScramMechanism scram = new HiveMqScramMechanism("sam", "pencil");
        Mqtt5BlockingClient client = client("hs-reauth", scram);
        client.connect();

        client.toAsync().reauth().join();

        assertThat(scram.events).containsExactly("connect verified", "re-authentication verified");
        assertThat(client.getState().isConnected()).isTrue();
    }

    @Test
    void reauthenticate_wrongPassword_disconnectedNotAuthorized() {
        HiveMqScramMechanism scram = new HiveMqScramMechanism("sam", "pencil");
        Mqtt5BlockingClient client = client("hs-reauth-wrong", scram);
        client.connect();
        scram.password("stale");

        client.toAsync().reauth().handle((ignored, error) -> null).join();

        // [MQTT-4.12.1-2] the broker closes the connection after DISCONNECT 0x87
        await().atMost(BrokerExtension.WAIT).until(() -> !client.getState().isConnected());
        assertThat(scram.events).contains("re-authentication rejected NOT_AUTHORIZED");
    }
}
