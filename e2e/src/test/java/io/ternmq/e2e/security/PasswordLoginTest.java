package io.ternmq.e2e.security;

import io.ternmq.e2e.BrokerExtension;
import io.ternmq.server.cli.TernmqCommand;
import io.ternmq.server.security.AnonymousAccess;
import io.ternmq.server.security.ReloadResult;
import io.ternmq.testkit.Packets;
import io.ternmq.testkit.RawMqttClient;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttSecurityException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A password file in force and anonymous access denied: CONNACK 0x04 for bad credentials, 0x05 for none. */
class PasswordLoginTest {

    private static final Path DIRECTORY = SecurityFiles.directory();
    private static final Path PASSWORDS = SecurityFiles.passwords(DIRECTORY.resolve("passwords"),
            "alice", "right", "üser", "pässword");

    @RegisterExtension
    static final BrokerExtension broker = BrokerExtension.with(b -> b.passwordFile(PASSWORDS)
            .anonymousAccess(AnonymousAccess.DENIED));

    private static RawMqttClient login(String clientId, String user, String password) {
        return broker.raw().send(Packets.connectBuilder(clientId).username(user)
                .password(password.getBytes(StandardCharsets.UTF_8)).build());
    }

    @Test
    void rightPassword_connackAccepted() {
        login("p-ok", "alice", "right").expectBytes("20 02 00 00");
        login("p-utf8", "üser", "pässword").expectBytes("20 02 00 00");
    }

    @Test
    void wrongPassword_connack04AndClosedAndCounted() {
        long failedBefore = broker.broker().securityStats().failedLogins();

        RawMqttClient client = login("p-wrong", "alice", "wrong");

        client.expectBytes("20 02 00 04"); // [MQTT-3.2.2-4] session present 0, return code 4
        client.expectClosed(); // [MQTT-3.2.2-5]
        assertThat(broker.broker().securityStats().failedLogins()).isEqualTo(failedBefore + 1);
    }

    @Test
    void unknownUser_connack04() {
        login("p-unknown", "mallory", "right").expectBytes("20 02 00 04");
    }

    @Test
    void userNameWithoutPassword_connack04() {
        broker.raw().send(Packets.connectBuilder("p-nopw").username("alice").build()).expectBytes("20 02 00 04");
    }

    @Test
    void anonymous_connack05AndClosed() {
        RawMqttClient client = broker.raw().send(Packets.connectBuilder("p-anon").build());

        client.expectBytes("20 02 00 05");
        client.expectClosed();
    }

    @Test
    void pahoClient_wrongPasswordAndAnonymous_refusedWithReturnCodes4And5() throws MqttException {
        try (MqttClient client = new MqttClient("tcp://127.0.0.1:" + broker.port(), "p-paho",
                new MemoryPersistence())) {
            MqttConnectOptions wrong = new MqttConnectOptions();
            wrong.setUserName("alice");
            wrong.setPassword("wrong".toCharArray());
            assertThatThrownBy(() -> client.connect(wrong)).isInstanceOf(MqttSecurityException.class)
                    .extracting(e -> ((MqttException) e).getReasonCode())
                    .isEqualTo((int) MqttException.REASON_CODE_FAILED_AUTHENTICATION);
            assertThatThrownBy(() -> client.connect(new MqttConnectOptions()))
                    .isInstanceOf(MqttSecurityException.class)
                    .extracting(e -> ((MqttException) e).getReasonCode())
                    .isEqualTo((int) MqttException.REASON_CODE_NOT_AUTHORIZED);
            MqttConnectOptions right = new MqttConnectOptions();
            right.setUserName("alice");
            right.setPassword("right".toCharArray());
            client.connect(right);
            assertThat(client.isConnected()).isTrue();
            client.disconnect();
        }
    }

    @Test
    void passwdCommand_addUpdateDelete_clientLoginFollowsAfterReload() {
        String file = PASSWORDS.toString();
        int added = TernmqCommand.create(Map.of()).execute("passwd", "-I", "1000", "-b", file, "carol", "one");
        assertThat(added).isZero();
        assertThat(broker.broker().reloadSecurity().outcome()).isEqualTo(ReloadResult.Outcome.APPLIED);
        login("p-carol1", "carol", "one").expectBytes("20 02 00 00");

        TernmqCommand.create(Map.of()).execute("passwd", "-I", "1000", "-b", file, "carol", "two");
        broker.broker().reloadSecurity();
        login("p-carol2", "carol", "one").expectBytes("20 02 00 04");
        login("p-carol3", "carol", "two").expectBytes("20 02 00 00");

        int deleted = TernmqCommand.create(Map.of()).execute("passwd", "-D", file, "carol");
        assertThat(deleted).isZero();
        ReloadResult reloaded = broker.broker().reloadSecurity();
        assertThat(reloaded.users()).isEqualTo(2);
        login("p-carol4", "carol", "two").expectBytes("20 02 00 04");
        login("p-alice", "alice", "right").expectBytes("20 02 00 00");
    }
}
