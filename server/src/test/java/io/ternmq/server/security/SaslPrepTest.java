package io.ternmq.server.security;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SaslPrepTest {

    @Test
    void prepare_rfc4013Examples() {
        // RFC 4013 section 3, examples 1 to 5 (6 and 7 below)
        assertThat(SaslPrep.prepare("I\u00ADX")).isEqualTo("IX"); // soft hyphen mapped to nothing
        assertThat(SaslPrep.prepare("user")).isEqualTo("user");
        assertThat(SaslPrep.prepare("USER")).isEqualTo("USER"); // case is kept
        assertThat(SaslPrep.prepare("\u00AA")).isEqualTo("a"); // NFKC
        assertThat(SaslPrep.prepare("\u2168")).isEqualTo("IX"); // NFKC
    }

    @Test
    void prepare_prohibitedOrBadBidi_refused() {
        assertThatThrownBy(() -> SaslPrep.prepare("\u0007")).hasMessageContaining("U+7"); // example 6
        assertThatThrownBy(() -> SaslPrep.prepare("\u0627\u0031")).hasMessageContaining("right-to-left"); // 7
        assertThatThrownBy(() -> SaslPrep.prepare("a\uE000")).hasMessageContaining("U+E000"); // private use
    }

    @Test
    void prepare_nonAsciiSpaceAndRightToLeftText_accepted() {
        assertThat(SaslPrep.prepare("a\u00A0b")).isEqualTo("a b");
        assertThat(SaslPrep.prepare("\u0627\u0031\u0628")).isEqualTo("\u0627\u0031\u0628");
    }

    @Test
    void password_binaryOrEmptyAfterPreparation() {
        byte[] binary = {(byte) 0xFF, 0x00, 0x41};

        assertThat(SaslPrep.password(binary)).isEqualTo(binary); // not UTF-8: used as it is
        assertThatThrownBy(() -> SaslPrep.password("\u00AD".getBytes(StandardCharsets.UTF_8)))
                .hasMessageContaining("empty");
    }

    @Test
    void scramCredential_passwordsEqualAfterSaslPrep_match() {
        ScramCredential credential = ScramCredential.create("IX".getBytes(StandardCharsets.UTF_8), 4096);

        assertThat(credential.matches("I\u00ADX".getBytes(StandardCharsets.UTF_8))).isTrue();
        assertThat(credential.matches("\u2168".getBytes(StandardCharsets.UTF_8))).isTrue();
        assertThat(credential.matches("ix".getBytes(StandardCharsets.UTF_8))).isFalse();
        assertThat(credential.matches("\u0007".getBytes(StandardCharsets.UTF_8))).isFalse();
    }
}
