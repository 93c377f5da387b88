package io.ternmq.server.security;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Random;
import javax.crypto.Mac;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ScramCredentialTest {

    @TempDir
    Path directory;

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void derive_asciiPasswords_equalsKeysFromTheJdkPbkdf2() throws Exception {
        Random random = new Random(7677);
        SecretKeyFactory jdk = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256");
        for (int i = 0; i < 10; i++) {
            char[] password = new char[1 + random.nextInt(20)];
            for (int j = 0; j < password.length; j++) {
                password[j] = (char) (0x21 + random.nextInt(0x5E));
            }
            byte[] salt = new byte[1 + random.nextInt(32)];
            random.nextBytes(salt);

            ScramCredential credential = ScramCredential.derive(new String(password).getBytes(StandardCharsets.UTF_8),
                    salt, 4096 + random.nextInt(100));

            // RFC 5802 section 3: SaltedPassword = Hi(password, salt, i), StoredKey = H(HMAC(SaltedPassword,
            // "Client Key")), ServerKey = HMAC(SaltedPassword, "Server Key")
            byte[] salted = jdk.generateSecret(new PBEKeySpec(password, salt, credential.iterations(), 256))
                    .getEncoded();
            assertThat(credential.storedKey()).isEqualTo(MessageDigest.getInstance("SHA-256")
                    .digest(hmac(salted, "Client Key")));
            assertThat(credential.serverKey()).isEqualTo(hmac(salted, "Server Key"));
        }
    }

    private static byte[] hmac(byte[] key, String text) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        return mac.doFinal(text.getBytes(StandardCharsets.US_ASCII));
    }

    @Test
    void create_encodeParse_roundTripMatchesOnlyTheSamePassword() {
        ScramCredential created = ScramCredential.create(utf8("s3cret"), 4096);

        StoredPassword parsed = StoredPassword.parse(created.encode());

        assertThat(parsed).isEqualTo(created);
        assertThat(parsed.matches(utf8("s3cret"))).isTrue();
        assertThat(parsed.matches(utf8("s3cret "))).isFalse();
        assertThat(parsed.matches(new byte[0])).isFalse();
        assertThat(parsed.toString()).doesNotContain(Base64.getEncoder().encodeToString(created.storedKey()));
    }

    @Test
    void unmatchable_sameIterations_matchesNothing() {
        ScramCredential created = ScramCredential.create(utf8("pw"), 5000);

        ScramCredential unmatchable = created.unmatchable();

        assertThat(unmatchable.iterations()).isEqualTo(5000);
        assertThat(unmatchable.matches(utf8("pw"))).isFalse();
    }

    @Test
    void parse_malformed_saysWhatIsWrong() {
        String salt = "W22ZaJ0SNY7soEsUEjb6gQ==";
        String key = Base64.getEncoder().encodeToString(new byte[32]);
        assertThatThrownBy(() -> ScramCredential.parse("$scram-sha-256$4096$" + salt + "$" + key))
                .hasMessageContaining("has the fields");
        assertThatThrownBy(() -> ScramCredential.parse("$scram-sha-256$x$" + salt + "$" + key + "$" + key))
                .hasMessageContaining("not a number");
        // RFC 7677 section 4: at least 4096 iterations
        assertThatThrownBy(() -> ScramCredential.parse("$scram-sha-256$4095$" + salt + "$" + key + "$" + key))
                .hasMessageContaining("4096..");
        assertThatThrownBy(() -> ScramCredential.parse("$scram-sha-256$4096$" + salt + "$" + key + "$%%%%"))
                .hasMessageContaining("base64");
        assertThatThrownBy(() -> ScramCredential.parse("$scram-sha-256$4096$" + salt + "$" + key + "$AAAA"))
                .hasMessageContaining("32 bytes");
        assertThatThrownBy(() -> ScramCredential.parse("$scram-sha-256$4096$$" + key + "$" + key))
                .hasMessageContaining("salt is empty");
    }

    @Test
    void passwordFile_mixedHashes_readAndWrittenBack() throws IOException {
        Path path = directory.resolve("passwords");
        PasswordFile file = PasswordFile.empty();
        file.put("alice", PasswordHash.create(utf8("a"), 10));
        file.put("sam", ScramCredential.create(utf8("s"), 4096));
        file.write(path);

        PasswordFile read = PasswordFile.read(path);

        assertThat(read.users().get("sam")).isInstanceOf(ScramCredential.class);
        assertThat(read.users().get("sam").matches(utf8("s"))).isTrue();
        assertThat(read.users().get("alice").matches(utf8("a"))).isTrue();
        assertThat(Files.readString(path)).contains("sam:$scram-sha-256$4096$");
    }

    @Test
    void passwordFile_badScramLine_namesTheLine() throws IOException {
        Path path = Files.writeString(directory.resolve("passwords"), "# users\nsam:$scram-sha-256$4096$AAAA\n");

        assertThatThrownBy(() -> PasswordFile.read(path)).isInstanceOf(SecurityFileException.class)
                .hasMessageContaining("line 2").hasMessageContaining("user 'sam'");
    }
}
