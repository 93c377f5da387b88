package io.ternmq.server.admin;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class AdminCredentialsTest {

    private final AdminCredentials both = new AdminCredentials("t0ken", "admin", "pw");

    private static Optional<String> basic(String userAndPassword) {
        return Optional.of("Basic "
                + Base64.getEncoder().encodeToString(userAndPassword.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void check_rightTokenOrBasic_isAllowed() {
        assertThat(both.check(Optional.of("Bearer t0ken"))).isEqualTo(AdminCredentials.Verdict.ALLOWED);
        assertThat(both.check(Optional.of("bearer t0ken"))).isEqualTo(AdminCredentials.Verdict.ALLOWED);
        assertThat(both.check(basic("admin:pw"))).isEqualTo(AdminCredentials.Verdict.ALLOWED);
    }

    @Test
    void check_noHeader_isMissing() {
        assertThat(both.check(Optional.empty())).isEqualTo(AdminCredentials.Verdict.MISSING);
        assertThat(both.check(Optional.of("  "))).isEqualTo(AdminCredentials.Verdict.MISSING);
    }

    @Test
    void check_wrongValues_areWrong() {
        assertThat(both.check(Optional.of("Bearer t0ke"))).isEqualTo(AdminCredentials.Verdict.WRONG);
        assertThat(both.check(basic("admin:PW"))).isEqualTo(AdminCredentials.Verdict.WRONG);
        assertThat(both.check(Optional.of("Basic %%%"))).isEqualTo(AdminCredentials.Verdict.WRONG);
        assertThat(both.check(Optional.of("Digest x"))).isEqualTo(AdminCredentials.Verdict.WRONG);
    }

    @Test
    void check_tokenOnlyConfigured_basicIsWrong() {
        var tokenOnly = new AdminCredentials("t", "", "");
        assertThat(tokenOnly.check(basic(":"))).isEqualTo(AdminCredentials.Verdict.WRONG);
    }

    @Test
    void toString_token_isMasked() {
        assertThat(both.toString()).doesNotContain("t0ken").doesNotContain("pw");
    }
}
