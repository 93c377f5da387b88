package io.ternmq.transport;

import io.ternmq.testkit.TestCertificates;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.security.auth.x500.X500Principal;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class CertificateIdentitiesTest {

    @TempDir
    static Path directory;
    private static TestCertificates certificates;

    @BeforeAll
    static void generate() {
        certificates = TestCertificates.create(directory);
    }

    @Test
    void of_commonName_isTheSubjectCn() {
        assertThat(CertificateIdentities.of(certificates.client().certificate(), CertificateIdentity.COMMON_NAME))
                .isEqualTo(TestCertificates.CLIENT_COMMON_NAME);
    }

    @Test
    void of_subjectAltName_isTheFirstDnsName() {
        assertThat(CertificateIdentities.of(certificates.client().certificate(),
                CertificateIdentity.SUBJECT_ALT_NAME)).isEqualTo(TestCertificates.CLIENT_ALT_NAME);
    }

    @Test
    void of_subjectAltNameMissing_isNull() {
        assertThat(CertificateIdentities.of(certificates.unknownClient().certificate(),
                CertificateIdentity.SUBJECT_ALT_NAME)).isNull();
    }

    @Test
    void of_none_isNull() {
        assertThat(CertificateIdentities.of(certificates.client().certificate(), CertificateIdentity.NONE)).isNull();
    }

    @Test
    void commonName_severalCns_takesTheMostSpecific() {
        assertThat(CertificateIdentities.commonName(new X500Principal("CN=leaf,OU=x,CN=root"))).isEqualTo("leaf");
    }

    @Test
    void commonName_noCn_isNull() {
        assertThat(CertificateIdentities.commonName(new X500Principal("O=Org,C=DE"))).isNull();
    }
}
