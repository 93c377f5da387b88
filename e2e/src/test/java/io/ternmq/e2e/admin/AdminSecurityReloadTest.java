package io.ternmq.e2e.admin;

import io.ternmq.e2e.BrokerExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code POST /api/v1/security/reload} reloads the broker's ACL file: a good file applies, a bad one is refused. */
class AdminSecurityReloadTest {

    private static final Path ACL = writeAcl(tempFile(), "topic read public/#\n");

    @RegisterExtension
    static final BrokerExtension broker = BrokerExtension.with(b -> b.adminListener("127.0.0.1", 0)
            .adminToken(AdminHttp.TOKEN).sysInterval(Duration.ZERO).aclFile(ACL)
            .securityReloadInterval(Duration.ZERO));

    private static Path tempFile() {
        try {
            Path file = Files.createTempFile("ternmq-admin-acl", ".conf");
            file.toFile().deleteOnExit();
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path writeAcl(Path file, String rules) {
        try {
            return Files.writeString(file, rules, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private AdminHttp http() {
        return new AdminHttp(broker.broker().adminPort());
    }

    @Test
    void securityReload_validFile_isAppliedAnd200() {
        writeAcl(ACL, "topic read public/#\ntopic read news/#\n");

        AdminHttp.Reply reply = http().post("/api/v1/security/reload", "");

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(reply.json().path("result").asText()).isEqualTo("reloaded");
    }

    @Test
    void securityReload_invalidFile_is409NamingTheLine() {
        writeAcl(ACL, "topic read public/#\nfrobnicate news/#\n");
        try {
            AdminHttp.Reply reply = http().post("/api/v1/security/reload", "");

            assertThat(reply.status()).as(reply.body()).isEqualTo(409);
            assertThat(reply.json().path("detail").asText()).contains("line 2");
        } finally {
            writeAcl(ACL, "topic read public/#\n");
        }
    }
}
