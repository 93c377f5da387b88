package io.ternmq.e2e.spec.v5;

import io.ternmq.server.security.PasswordFile;
import io.ternmq.server.security.PasswordHash;
import io.ternmq.server.security.ScramCredential;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The password file of the enhanced-authentication tests: "sam" with a SCRAM-SHA-256 credential (RFC 7677's
 * minimum of 4096 iterations, so logins stay fast) and "alice" with a PBKDF2 hash, which SCRAM cannot use.
 */
final class ScramUsers {

    static final String METHOD = "SCRAM-SHA-256";
    static final String SCRAM_USER = "sam";
    static final String SCRAM_PASSWORD = "pencil";
    static final String PLAIN_USER = "alice";
    static final String PLAIN_PASSWORD = "right";

    private ScramUsers() {
    }

    static Path file() {
        try {
            Path directory = Files.createTempDirectory("ternmq-scram");
            directory.toFile().deleteOnExit();
            Path file = directory.resolve("passwords");
            PasswordFile passwords = PasswordFile.empty();
            passwords.put(SCRAM_USER, ScramCredential.create(bytes(SCRAM_PASSWORD), ScramCredential.MIN_ITERATIONS));
            passwords.put(PLAIN_USER, PasswordHash.create(bytes(PLAIN_PASSWORD), 1_000));
            passwords.write(file);
            file.toFile().deleteOnExit();
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
