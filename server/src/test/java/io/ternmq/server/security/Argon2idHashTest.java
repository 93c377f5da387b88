package io.ternmq.server.security;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class Argon2idHashTest {

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** A test vector of the reference implementation: "password", salt "somesalt", m=64 MiB, t=2, p=1. */
    @Test
    void parse_referenceImplementationVector_matchesItsPassword() {
        StoredPassword reference = StoredPassword.parse(
                "$argon2id$v=19$m=65536,t=2,p=1$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc");

        assertThat(reference.matches(utf8("password"))).isTrue();
        assertThat(reference.matches(utf8("passwore"))).isFalse();
        assertThat(reference.encode())
                .isEqualTo("$argon2id$v=19$m=65536,t=2,p=1$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc");
    }

    @Test
    void create_encodeParse_roundTrip() {
        Argon2idHash created = Argon2idHash.create(utf8("s3cret"), 64, 1, 1);

        StoredPassword parsed = StoredPassword.parse(created.encode());

        assertThat(parsed).isEqualTo(created);
        assertThat(parsed.matches(utf8("s3cret"))).isTrue();
        assertThat(parsed.matches(utf8("s3cre"))).isFalse();
        assertThat(created.encode())
                .matches("\\$argon2id\\$v=19\\$m=64,t=1,p=1\\$[A-Za-z0-9+/]{22}\\$[A-Za-z0-9+/]{43}");
    }

    @Test
    void unmatchable_sameParameters_matchesNothing() {
        Argon2idHash created = Argon2idHash.create(utf8("pw"), 64, 2, 1);

        Argon2idHash unknown = created.unmatchable();

        assertThat(unknown.memoryKiB()).isEqualTo(64);
        assertThat(unknown.iterations()).isEqualTo(2);
        assertThat(unknown.matches(utf8("pw"))).isFalse();
    }

    @Test
    void parse_brokenOrOutOfRange_refusedWithAReason() {
        assertThatThrownBy(() -> StoredPassword.parse("$argon2id$v=16$m=64,t=1,p=1$c29tZXNhbHQ$YWJjZA"))
                .hasMessageContaining("$argon2id$v=19$m=KiB,t=passes,p=lanes$salt$hash");
        assertThatThrownBy(() -> StoredPassword.parse("$argon2id$v=19$m=4,t=1,p=1$c29tZXNhbHQ$YWJjZA"))
                .hasMessageContaining("memory must be 8..");
        assertThatThrownBy(() -> StoredPassword.parse("$argon2id$v=19$m=64,t=0,p=1$c29tZXNhbHQ$YWJjZA"))
                .hasMessageContaining("iterations must be 1..1000");
        assertThatThrownBy(() -> StoredPassword.parse("$argon2id$v=19$m=64,t=1,p=1$c2FsdA$YWJjZA"))
                .hasMessageContaining("salt must be at least 8 bytes");
    }

    @Test
    void toString_revealsNoHash() {
        assertThat(Argon2idHash.create(utf8("pw"), 64, 1, 1).toString()).isEqualTo("Argon2idHash[m=64 KiB, t=1, p=1]");
    }
}
