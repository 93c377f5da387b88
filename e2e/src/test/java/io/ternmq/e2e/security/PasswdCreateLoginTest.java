package io.ternmq.e2e.security;

import io.ternmq.server.Broker;
import io.ternmq.server.cli.TernmqCommand;
import io.ternmq.server.security.AnonymousAccess;
import io.ternmq.testkit.Packets;
import io.ternmq.testkit.RawMqttClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code ternmq passwd} creates a file (PBKDF2 and Argon2id users) a broker started afterwards accepts logins from. */
class PasswdCreateLoginTest {

    @TempDir
    Path directory;

    @Test
    void passwdCreate_thenBrokerStarts_pbkdf2AndArgon2idUsersLogIn() {
        Path file = directory.resolve("passwords");
        int exit = TernmqCommand.create(Map.of())
                .execute("passwd", "-c", "-I", "1000", "-b", file.toString(), "dave", "pw");
        assertThat(exit).isZero();
        int argon = TernmqCommand.create(Map.of())
                .execute("passwd", "-H", "argon2id", "-b", file.toString(), "erin", "pw2");
        assertThat(argon).isZero();

        try (Broker broker = Broker.builder().bind("127.0.0.1").port(0).dataDir(directory.resolve("data"))
                .passwordFile(file).anonymousAccess(AnonymousAccess.DENIED).start();
             RawMqttClient client = RawMqttClient.connect("127.0.0.1", broker.port())) {
            client.send(Packets.connectBuilder("dave-1").username("dave").password("pw".getBytes(
                    StandardCharsets.UTF_8)).build()).expectBytes("20 02 00 00");
            try (RawMqttClient argonUser = RawMqttClient.connect("127.0.0.1", broker.port())) {
                argonUser.send(Packets.connectBuilder("erin-1").username("erin").password("pw2".getBytes(
                        StandardCharsets.UTF_8)).build()).expectBytes("20 02 00 00");
            }
        }
    }
}
