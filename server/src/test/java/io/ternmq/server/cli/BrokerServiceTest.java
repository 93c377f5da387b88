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
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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

    @Test
    @Timeout(60)
    void start_adminEnabled_servesTheApiWithTheConfiguredToken() throws Exception {
        Origin test = new Origin.CommandLineOption("test");
        EffectiveConfig effective = ConfigLoader.load(null, Map.of(), Map.of(
                ConfigKeys.LISTENER_BIND, new RawValue("127.0.0.1", test),
                ConfigKeys.LISTENER_PORT, new RawValue("0", test),
                ConfigKeys.STORAGE_DATA_DIR, new RawValue(directory.resolve("data").toString(), test),
                ConfigKeys.ADMIN_ENABLED, new RawValue("true", test),
                ConfigKeys.ADMIN_PORT, new RawValue("0", test),
                ConfigKeys.ADMIN_TOKEN, new RawValue("tok", test),
                ConfigKeys.SYS_INTERVAL, new RawValue("0s", test)));

        try (BrokerService service = BrokerService.start(effective)) {
            HttpResponse<String> config = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + service.adminPort() + "/api/v1/config"))
                    .header("Authorization", "Bearer tok").build(), HttpResponse.BodyHandlers.ofString());

            assertThat(config.statusCode()).isEqualTo(200);
            assertThat(config.body()).contains("\"admin.token\":\"****\"", "\"sys.interval\":\"0s\"");
        }
    }
}
