package io.ternmq.server.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The admin, sys and log sections: types, defaults, masking and file-line errors. */
class ObservabilityKeysTest {

    @TempDir
    Path directory;

    private Path file(String yaml) throws IOException {
        Path file = directory.resolve("ternmq.yaml");
        Files.writeString(file, yaml);
        return file;
    }

    private static EffectiveConfig load(Path file) {
        return ConfigLoader.load(file, Map.of(), Map.of());
    }

    @Test
    void defaults_adminOffOnLoopbackSysEveryTenSecondsLogInfo() {
        ServerConfig config = ConfigLoader.load(null, Map.of(), Map.of()).config();
        assertThat(config.admin().enabled()).isFalse();
        assertThat(config.admin().bind()).isEqualTo("127.0.0.1");
        assertThat(config.sys().interval()).isEqualTo(Duration.ofSeconds(10));
        assertThat(config.log().level()).isEqualTo("INFO");
    }

    @Test
    void load_adminSection_bindsEveryField() throws IOException {
        ServerConfig config = load(file("""
                admin:
                  enabled: true
                  port: 9000
                  token: s3cret
                  username: ops
                  password: pw
                sys:
                  interval: 0s
                log:
                  level: debug
                """)).config();
        assertThat(config.admin()).isEqualTo(new AdminConfig(true, "127.0.0.1", 9000, "s3cret", "ops", "pw"));
        assertThat(config.sys().interval()).isZero();
        assertThat(config.log().level()).isEqualTo("DEBUG");
    }

    @Test
    void summary_secrets_areMasked() throws IOException {
        EffectiveConfig effective = load(file("admin:\n  token: s3cret\n  password: pw\n"));
        assertThat(effective.summary()).contains("admin.token=****").doesNotContain("s3cret");
        assertThat(String.join("\n", effective.describe())).doesNotContain("s3cret");
        assertThat(effective.config().admin().toString()).doesNotContain("s3cret").doesNotContain("pw");
    }

    @Test
    void load_badFlag_namesFileLineAndKey() throws IOException {
        Path file = file("admin:\n  enabled: yes please\n");
        assertThatThrownBy(() -> load(file))
                .hasMessage(file + " line 2: admin.enabled must be true or false, was 'yes please'");
    }

    @Test
    void load_badLogLevel_namesTheLevels() throws IOException {
        Path file = file("log:\n  level: LOUD\n");
        assertThatThrownBy(() -> load(file)).hasMessageContaining("line 2: log.level must be one of ERROR, WARN");
    }

    @Test
    void load_negativeSysInterval_isRejected() throws IOException {
        Path file = file("sys:\n  interval: -1s\n");
        assertThatThrownBy(() -> load(file)).hasMessageContaining("line 2: sys.interval must be");
    }

    @Test
    void load_unknownAdminField_listsTheAdminKeys() throws IOException {
        Path file = file("admin:\n  tokn: x\n");
        assertThatThrownBy(() -> load(file)).hasMessageContaining("line 2: unknown key 'admin.tokn'")
                .hasMessageContaining("admin.token");
    }
}
