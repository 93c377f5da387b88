package io.ternmq.e2e.security;

import io.ternmq.server.Broker;
import io.ternmq.server.cli.TernmqCommand;
import io.ternmq.server.security.AnonymousAccess;
import io.ternmq.testkit.EnhancedAuthPackets;
import io.ternmq.testkit.RawMqttClient;
import io.ternmq.testkit.ScramClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code ternmq passwd -H scram-sha-256} writes a credential a broker started afterwards takes SCRAM logins for. */
class PasswdScramLoginTest {

    @TempDir
    Path directory;

    @Test
    void passwdScram_thenBrokerStarts_scramExchangeSucceeds() {
        Path file = directory.resolve("passwords");
        int exit = TernmqCommand.create(Map.of())
                .execute("passwd", "-c", "-H", "scram-sha-256", "-b", file.toString(), "sam", "pencil");
        assertThat(exit).isZero();

        try (Broker broker = Broker.builder().bind("127.0.0.1").port(0).dataDir(directory.resolve("data"))
                .passwordFile(file).anonymousAccess(AnonymousAccess.DENIED).start();
             RawMqttClient client = RawMqttClient.connect("127.0.0.1", broker.port())) {
            ScramClient scram = new ScramClient("sam", "pencil", "cliNonce");
            client.send(EnhancedAuthPackets.connect("sam-1", "SCRAM-SHA-256", scram.clientFirst()));
            byte[] serverFirst = EnhancedAuthPackets.authenticationData(client.readPacket());
            client.send(EnhancedAuthPackets.auth(0x18, "SCRAM-SHA-256", scram.clientFinal(serverFirst)));

            byte[] connack = client.readPacket();
            assertThat(connack[3]).isZero();
            assertThat(scram.verifyServerFinal(EnhancedAuthPackets.authenticationData(connack))).isTrue();
            assertThat(new String(serverFirst, StandardCharsets.UTF_8)).endsWith(",i=4096");
        }
    }
}
