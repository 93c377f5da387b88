package io.ternmq.e2e.security;

import io.ternmq.server.security.PasswordFile;
import io.ternmq.server.security.PasswordHash;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Password and ACL files for tests, hashed with few iterations so logins stay fast. */
final class SecurityFiles {

    static final int TEST_ITERATIONS = 1_000;

    private SecurityFiles() {
    }

    static Path directory() {
        try {
            Path directory = Files.createTempDirectory("ternmq-security");
            directory.toFile().deleteOnExit();
            return directory;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code users} alternates user name and password. */
    static Path passwords(Path file, String... users) {
        PasswordFile passwords = PasswordFile.empty();
        for (int i = 0; i < users.length; i += 2) {
            passwords.put(users[i], PasswordHash.create(users[i + 1].getBytes(StandardCharsets.UTF_8),
                    TEST_ITERATIONS));
        }
        try {
            passwords.write(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        file.toFile().deleteOnExit();
        return file;
    }

    static Path text(Path file, String content) {
        try {
            Files.writeString(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        file.toFile().deleteOnExit();
        return file;
    }
}
