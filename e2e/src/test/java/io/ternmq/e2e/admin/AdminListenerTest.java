package io.ternmq.e2e.admin;

import io.ternmq.server.Broker;
import io.ternmq.server.admin.SecurityReloader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The admin listener's settings: off by default, locked without credentials, the reload hook. */
class AdminListenerTest {

    @TempDir
    Path data;

    private Broker start(Broker.Builder builder) {
        return builder.bind("127.0.0.1").port(0).dataDir(data).sysInterval(Duration.ZERO).start();
    }

    @Test
    void adminListener_byDefault_isOff() throws Exception {
        try (Broker broker = start(Broker.builder())) {
            assertThatThrownBy(broker::adminPort).isInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void api_noCredentialsConfigured_isLockedWith403() throws Exception {
        try (Broker broker = start(Broker.builder().adminListener("127.0.0.1", 0))) {
            var http = new AdminHttp(broker.adminPort());
            assertThat(http.get("/api/v1/broker", AdminHttp.Auth.TOKEN).status()).isEqualTo(403);
            assertThat(http.get("/health", AdminHttp.Auth.NONE).status()).isEqualTo(200);
        }
    }

    @Test
    void securityReload_configuredReloader_isCalledAndReported() throws Exception {
        SecurityReloader reloader = () -> new SecurityReloader.ReloadResult(
                SecurityReloader.ReloadResult.Status.RELOADED, "3 users");
        try (Broker broker = start(Broker.builder().adminListener("127.0.0.1", 0).adminToken(AdminHttp.TOKEN)
                .securityReloader(reloader))) {
            AdminHttp.Reply reply = new AdminHttp(broker.adminPort()).post("/api/v1/security/reload", "");
            assertThat(reply.status()).isEqualTo(200);
            assertThat(reply.json().path("detail").asText()).isEqualTo("3 users");
        }
    }

    @Test
    void securityReload_failingReloader_is409Json() throws Exception {
        SecurityReloader reloader = () -> new SecurityReloader.ReloadResult(
                SecurityReloader.ReloadResult.Status.FAILED, "acl.yaml line 3: bad rule");
        try (Broker broker = start(Broker.builder().adminListener("127.0.0.1", 0).adminToken(AdminHttp.TOKEN)
                .securityReloader(reloader))) {
            AdminHttp.Reply reply = new AdminHttp(broker.adminPort()).post("/api/v1/security/reload", "");
            assertThat(reply.status()).isEqualTo(409);
            assertThat(reply.json().path("detail").asText()).contains("line 3");
        }
    }

    @Test
    void healthReady_afterClose_listenerIsGone() throws Exception {
        Broker broker = start(Broker.builder().adminListener("127.0.0.1", 0));
        int port = broker.adminPort();
        assertThat(new AdminHttp(port).get("/health/ready", AdminHttp.Auth.NONE).status()).isEqualTo(200);
        broker.close();
        assertThatThrownBy(() -> new AdminHttp(port).get("/health", AdminHttp.Auth.NONE))
                .isInstanceOf(UncheckedIOException.class);
    }
}
