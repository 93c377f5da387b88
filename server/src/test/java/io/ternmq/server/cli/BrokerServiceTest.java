package io.ternmq.server.cli;

import io.ternmq.server.config.ConfigKeys;
import io.ternmq.server.config.ConfigLoader;
import io.ternmq.server.config.EffectiveConfig;
import io.ternmq.server.config.Origin;
import io.ternmq.server.config.RawValue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Starts a real broker: passes only once {@link io.ternmq.server.Broker} is implemented. */
class BrokerServiceTest {

    @TempDir
    Path directory;

    @Test
    @Timeout(60)
    void start_ephemeralPort_acceptsConnectionsUntilClosed() throws IOException, InterruptedException {
        Origin test = new Origin.CommandLineOption("test");
        EffectiveConfig effective = ConfigLoader.load(null, Map.of(), Map.of(
                ConfigKeys.LISTENER_BIND, new RawValue("127.0.0.1", test),
                ConfigKeys.LISTENER_PORT, new RawValue("0", test),
                ConfigKeys.STORAGE_DATA_DIR, new RawValue(directory.resolve("data").toString(), test)));

        BrokerService service = BrokerService.start(effective);
        int port = service.port();
        try (Socket client = new Socket()) {
            client.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
            assertThat(client.isConnected()).isTrue();
        } finally {
            service.close();
        }

        service.awaitStop();
        service.close();
        assertThat(port).isPositive();
        assertThatThrownBy(() -> new Socket("127.0.0.1", port).close()).isInstanceOf(IOException.class);
    }
}
