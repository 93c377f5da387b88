package io.ternmq.server.security;

import org.junit.jupiter.api.Test;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PasswordHashTest {

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void create_encodeParse_roundTripMatchesOnlyTheSamePassword() {
        PasswordHash created = PasswordHash.create(utf8("s3cret"), 1_000);

        PasswordHash parsed = PasswordHash.parse(created.encode());

        assertThat(parsed).isEqualTo(created);
        assertThat(parsed.matches(utf8("s3cret"))).isTrue();
        assertThat(parsed.matches(utf8("s3cret "))).isFalse();
        assertThat(parsed.matches(utf8("S3cret"))).isFalse();
    }

    @Test
    void encode_anyHash_carriesAlgorithmIterationsSaltAndHash() {
        String encoded = PasswordHash.create(utf8("pw"), 1_234).encode();

        // $7$ = PBKDF2-HMAC-SHA512 (mosquitto's id), 16-byte salt = 24 base64 chars, 64-byte hash = 88
        assertThat(encoded).matches("\\$7\\$1234\\$[A-Za-z0-9+/]{22}==\\$[A-Za-z0-9+/]{86}==");
    }

    @Test
    void create_samePasswordTwice_differentSalts() {
        assertThat(PasswordHash.create(utf8("pw"), 10).encode())
                .isNotEqualTo(PasswordHash.create(utf8("pw"), 10).encode());
    }

    @Test
    void pbkdf2_asciiPasswords_equalsTheJdkSecretKeyFactory() throws Exception {
        Random random = new Random(42);
        SecretKeyFactory jdk = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA512");
        for (int i = 0; i < 20; i++) {
            char[] password = new char[1 + random.nextInt(40)];
            for (int c = 0; c < password.length; c++) {
                password[c] = (char) (' ' + random.nextInt(95));
            }
            byte[] salt = new byte[1 + random.nextInt(32)];
            random.nextBytes(salt);
            int iterations = 1 + random.nextInt(50);

            byte[] expected = jdk.generateSecret(new PBEKeySpec(password, salt, iterations, 512)).getEncoded();

            assertThat(Pbkdf2.sha512(utf8(new String(password)), salt, iterations)).isEqualTo(expected);
        }
    }

    @Test
    void matches_binaryPassword_isSupported() {
        byte[] binary = {0, (byte) 0xFF, (byte) 0xC3, 0x28};
        PasswordHash hash = PasswordHash.create(binary, 5);

        assertThat(hash.matches(binary)).isTrue();
        assertThat(hash.matches(new byte[] {0, (byte) 0xFF, (byte) 0xC3})).isFalse();
    }

    @Test
    void matches_emptyPassword_neverMatches() {
        assertThat(PasswordHash.create(utf8("x"), 5).matches(new byte[0])).isFalse();
        assertThatThrownBy(() -> PasswordHash.create(new byte[0], 5)).hasMessageContaining("empty");
    }

    @Test
    void parse_mosquittoStyleLineWith12ByteSalt_verifies() {
        byte[] salt = new byte[12];
        new Random(7).nextBytes(salt);
        byte[] hash = Pbkdf2.sha512(utf8("pw"), salt, 101);
        Base64.Encoder base64 = Base64.getEncoder();
        String line = "$7$101$" + base64.encodeToString(salt) + "$" + base64.encodeToString(hash);

        assertThat(PasswordHash.parse(line).matches(utf8("pw"))).isTrue();
    }

    @Test
    void parse_weakOrPlainOrBroken_refusedWithAReason() {
        assertThatThrownBy(() -> PasswordHash.parse("$6$c2FsdA==$aGFzaA==")).hasMessageContaining("too weak");
        assertThatThrownBy(() -> PasswordHash.parse("plaintext")).hasMessageContaining("plain text");
        assertThatThrownBy(() -> PasswordHash.parse("$7$10$abc")).hasMessageContaining("fields");
        assertThatThrownBy(() -> PasswordHash.parse("$7$ten$YQ==$YQ==")).hasMessageContaining("not a number");
        assertThatThrownBy(() -> PasswordHash.parse("$7$0$YQ==$YQ==")).hasMessageContaining("iterations");
        assertThatThrownBy(() -> PasswordHash.parse("$7$10$!!$YQ==")).hasMessageContaining("base64");
        assertThatThrownBy(() -> PasswordHash.parse("$7$10$YQ==$YQ==")).hasMessageContaining("64 bytes");
    }

    @Test
    void toString_anyHash_revealsNeitherSaltNorHash() {
        PasswordHash hash = PasswordHash.create(utf8("pw"), 3);

        assertThat(hash.toString()).doesNotContain(Base64.getEncoder().encodeToString(hash.hash()))
                .contains("3 iterations");
    }

    @Test
    void verify_unknownUser_checkedAgainstAHashLikeTheFirstUsers() {
        PasswordFile file = PasswordFile.empty();
        file.put("a", PasswordHash.create(utf8("pw"), 7));
        file.put("b", PasswordHash.create(utf8("pw"), 9));
        Users users = Users.of(file);

        assertThat(users.unknownUser()).isInstanceOfSatisfying(PasswordHash.class,
                unknown -> assertThat(unknown.iterations()).isEqualTo(7));
        assertThat(users.verify("nobody", utf8("pw"))).isEqualTo(Users.Verdict.UNKNOWN_USER);
        assertThat(users.verify("a", utf8("pw"))).isEqualTo(Users.Verdict.MATCH);
        assertThat(users.verify("a", utf8("no"))).isEqualTo(Users.Verdict.WRONG_PASSWORD);
    }
}
