package io.ternmq.e2e.clients;

import io.ternmq.e2e.BrokerExtension;
import io.ternmq.server.security.AnonymousAccess;
import io.ternmq.server.security.PasswordFile;
import io.ternmq.server.security.ScramCredential;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
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
 * Authentication outcomes as Eclipse Paho v5 (1.2.5) sees them. Driving SCRAM through Paho (answering the
 * broker's AUTH 0x18 with {@code authenticate} from the authPacketArrived callback) left the connect token timing
 * out, with the right password and with a wrong one, so SCRAM itself is checked with the HiveMQ client and raw
 * bytes; here: the refusal codes, and a SCRAM credential used as a plain password.
 */
class PahoAuthenticationTest {

    @RegisterExtension
    static final BrokerExtension broker = BrokerExtension.with(b -> b.passwordFile(passwords())
            .anonymousAccess(AnonymousAccess.DENIED));

    private static Path passwords() {
        try {
            Path directory = Files.createTempDirectory("ternmq-paho-scram");
            directory.toFile().deleteOnExit();
            Path file = directory.resolve("passwords");
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

    private MqttAsyncClient client(String clientId) throws MqttException {
        MqttAsyncClient client = new MqttAsyncClient("tcp://127.0.0.1:" + broker.port(), clientId,
                new MemoryPersistence());
        broker.closeAfterTest(() -> {
            if (client.isConnected()) {
                client.disconnectForcibly(1_000);
            }
            client.close();
        });
        return client;
    }

    private static void assertRefused(IMqttToken token, int reasonCode) {
        assertThatThrownBy(() -> token.waitForCompletion(BrokerExtension.WAIT.toMillis()))
                .isInstanceOfSatisfying(MqttException.class, e -> assertThat(e.getReasonCode()).isEqualTo(reasonCode));
    }

    @Test
    void plainPassword_wrong_refusedBadUserNameOrPassword() throws MqttException {
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setUserName("sam");
        options.setPassword("pen".getBytes(StandardCharsets.UTF_8));

        assertRefused(client("pp-wrong").connect(options), 0x86); // [MQTT-3.1.4-2]
    }

    @Test
    void plainPassword_scramCredential_accepted() throws MqttException {
        MqttAsyncClient client = client("pp-ok");
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setUserName("sam");
        options.setPassword("pencil".getBytes(StandardCharsets.UTF_8));

        client.connect(options).waitForCompletion(BrokerExtension.WAIT.toMillis());

        assertThat(client.isConnected()).isTrue();
    }

    @Test
    void anonymous_refusedNotAuthorized() throws MqttException {
        assertRefused(client("pp-anon").connect(new MqttConnectionOptions()), 0x87); // [MQTT-3.1.4-2]
    }

    @Test
    void unknownMethod_refusedBadAuthenticationMethod() throws MqttException {
        MqttAsyncClient client = client("ps-unknown");
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setAuthMethod("GS2-KRB5");

        assertRefused(client.connect(options), 0x8C); // [MQTT-4.12.0-1]
    }
}
