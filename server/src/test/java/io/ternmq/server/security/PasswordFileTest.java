package io.ternmq.server.security;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PasswordFileTest {

    @TempDir
    Path directory;

    private static PasswordHash hash(String password) {
        return PasswordHash.create(password.getBytes(StandardCharsets.UTF_8), 3);
    }

    @Test
    void writeRead_users_roundTripInOrderWithOwnerOnlyPermissions() throws IOException {
        Path path = directory.resolve("passwords");
        PasswordFile file = PasswordFile.empty();
        PasswordHash alice = hash("a");
        file.put("alice", alice);
        file.put("bob", hash("b"));

        file.write(path);

        PasswordFile read = PasswordFile.read(path);
        assertThat(read.users().keySet()).containsExactly("alice", "bob");
        assertThat(read.users().get("alice")).isEqualTo(alice);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(path))).isEqualTo("rw-------");
        assertThat(Files.readString(path)).startsWith("alice:$7$3$");
        try (var leftovers = Files.list(directory)) {
            assertThat(leftovers).containsExactly(path);
        }
    }

    @Test
    void read_commentsAndBlankLines_ignored() throws IOException {
        Path path = Files.writeString(directory.resolve("p"), "# users\n\nu:" + hash("x").encode() + "\n");

        assertThat(PasswordFile.read(path).users()).containsOnlyKeys("u");
    }

    @Test
    void read_badLine_namesFileAndLine() throws IOException {
        Path path = Files.writeString(directory.resolve("p"), "u:" + hash("x").encode() + "\nv:plain\n");

        assertThatThrownBy(() -> PasswordFile.read(path))
                .isInstanceOf(SecurityFileException.class)
                .hasMessageStartingWith(path + " line 2: user 'v': ")
                .hasMessageContaining("plain text");
    }

    @Test
    void read_lineWithoutColonOrDuplicateUser_namesLine() throws IOException {
        Path noColon = Files.writeString(directory.resolve("a"), "justtext\n");
        String line = "u:" + hash("x").encode() + "\n";
        Path twice = Files.writeString(directory.resolve("b"), line + line);

        assertThatThrownBy(() -> PasswordFile.read(noColon)).hasMessage(noColon + " line 1: expected user:hash");
        assertThatThrownBy(() -> PasswordFile.read(twice)).hasMessage(twice + " line 2: user 'u' appears twice");
    }

    @Test
    void read_missingFile_saysNotFound() {
        Path missing = directory.resolve("missing");

        assertThatThrownBy(() -> PasswordFile.read(missing)).hasMessage(missing + ": password file not found");
    }

    @Test
    void put_invalidUserName_refused() {
        PasswordFile file = PasswordFile.empty();

        assertThatThrownBy(() -> file.put("a:b", hash("x"))).hasMessageContaining("':'");
        assertThatThrownBy(() -> file.put("", hash("x"))).hasMessageContaining("empty");
        assertThatThrownBy(() -> file.put("a\nb", hash("x"))).hasMessageContaining("line break");
    }

    @Test
    void remove_knownAndUnknownUser_reportsWhetherRemoved() {
        PasswordFile file = PasswordFile.empty();
        file.put("u", hash("x"));

        assertThat(file.remove("u")).isTrue();
        assertThat(file.remove("u")).isFalse();
    }
}
