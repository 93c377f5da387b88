package io.ternmq.transport;

import io.ternmq.testkit.TestCertificates;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReloadingTlsContextTest {

    @TempDir
    Path directory;
    private TestCertificates certificates;
    private Path certificate;
    private Path key;

    @BeforeEach
    void generate() throws IOException {
        certificates = TestCertificates.create(directory.resolve("generated"));
        certificate = Files.copy(certificates.server().certificateFile(), directory.resolve("cert.pem"));
        key = Files.copy(certificates.server().keyFile(), directory.resolve("key.pem"));
    }

    @Test
    void load_validFiles_buildsAContext() {
        var context = ReloadingTlsContext.load("tls", TlsConfig.server(certificate, key));

        assertThat(context.current()).isNotNull();
    }

    @Test
    void load_encryptedKeyWithPassword_buildsAContext() {
        var config = TlsConfig.server(certificate, certificates.encryptedServerKey())
                .withKeyPassword(TestCertificates.KEY_PASSWORD);

        assertThat(ReloadingTlsContext.load("tls", config).current()).isNotNull();
    }

    @Test
    void load_encryptedKeyWithWrongPassword_failsNamingTheListener() {
        var config = TlsConfig.server(certificate, certificates.encryptedServerKey()).withKeyPassword("wrong");

        assertThatThrownBy(() -> ReloadingTlsContext.load("secure", config))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("listener 'secure'");
    }

    @Test
    void load_keyOfAnotherCertificate_isRejected() {
        var config = TlsConfig.server(certificate, certificates.client().keyFile());

        assertThatThrownBy(() -> ReloadingTlsContext.load("tls", config))
                .hasMessageContaining("does not belong to the certificate");
    }

    @Test
    void load_missingFile_failsNamingTheFile() {
        var config = TlsConfig.server(directory.resolve("absent.pem"), key);

        assertThatThrownBy(() -> ReloadingTlsContext.load("tls", config))
                .hasMessageContaining("listener 'tls'");
    }

    @Test
    void reloadIfChanged_unchangedFiles_keepsTheContext() {
        var context = ReloadingTlsContext.load("tls", TlsConfig.server(certificate, key));
        var before = context.current();

        context.reloadIfChanged();

        assertThat(context.current()).isSameAs(before);
    }

    @Test
    void reloadIfChanged_newCertificateAndKey_swapsTheContext() throws IOException {
        var context = ReloadingTlsContext.load("tls", TlsConfig.server(certificate, key));
        var before = context.current();
        var renewed = certificates.newServer("renewed");

        Files.copy(renewed.certificateFile(), certificate, StandardCopyOption.REPLACE_EXISTING);
        Files.copy(renewed.keyFile(), key, StandardCopyOption.REPLACE_EXISTING);
        context.reloadIfChanged();

        assertThat(context.current()).isNotSameAs(before);
    }

    @Test
    void reloadIfChanged_certificateWithoutItsKey_keepsTheOldContextUntilTheKeyArrives() throws IOException {
        var context = ReloadingTlsContext.load("tls", TlsConfig.server(certificate, key));
        var before = context.current();
        var renewed = certificates.newServer("renewed");

        Files.copy(renewed.certificateFile(), certificate, StandardCopyOption.REPLACE_EXISTING);
        context.reloadIfChanged();
        var halfway = context.current();
        Files.copy(renewed.keyFile(), key, StandardCopyOption.REPLACE_EXISTING);
        context.reloadIfChanged();

        assertThat(halfway).isSameAs(before);
        assertThat(context.current()).isNotSameAs(before);
    }

    @Test
    void reloadIfChanged_garbageFile_keepsTheOldContext() throws IOException {
        var context = ReloadingTlsContext.load("tls", TlsConfig.server(certificate, key));
        var before = context.current();

        Files.writeString(certificate, "not a certificate");
        context.reloadIfChanged();

        assertThat(context.current()).isSameAs(before);
    }
}
