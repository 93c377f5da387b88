package io.ternmq.server.cli;

import io.ternmq.server.security.PasswordFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class PasswdCommandTest {

    @TempDir
    Path directory;

    private static CliRun run(String stdin, String... args) {
        PasswordInput input = new PasswordInput(null,
                new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
        CommandLine commandLine = TernmqCommand.create(Map.of(), input);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int exitCode = commandLine.execute(args);
        return new CliRun(exitCode, out.toString(), err.toString());
    }

    private static boolean matches(Path file, String user, String password) {
        return PasswordFile.read(file).users().get(user).matches(password.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void passwd_createAddUpdateDelete_roundTrip() throws IOException {
        Path file = directory.resolve("passwords");

        CliRun created = run("", "passwd", "-c", "-I", "10", "-b", file.toString(), "alice", "first");
        CliRun added = run("bob-pw\n", "passwd", "-I", "10", "--stdin", file.toString(), "bob");
        CliRun updated = run("", "passwd", "-I", "10", "-b", file.toString(), "alice", "second");

        assertThat(created.exitCode()).isZero();
        assertThat(created.out()).contains("added user 'alice'");
        assertThat(added.exitCode()).isZero();
        assertThat(updated.out()).contains("changed the password of user 'alice'");
        assertThat(matches(file, "alice", "second")).isTrue();
        assertThat(matches(file, "alice", "first")).isFalse();
        assertThat(matches(file, "bob", "bob-pw")).isTrue();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(Files.readString(file)).startsWith("alice:$7$10$");

        CliRun deleted = run("", "passwd", "-D", file.toString(), "alice");

        assertThat(deleted.exitCode()).isZero();
        assertThat(PasswordFile.read(file).users()).containsOnlyKeys("bob");
    }

    @Test
    void passwd_defaultIterations_210000() throws IOException {
        Path file = directory.resolve("passwords");

        run("pw\n", "passwd", "-c", "--stdin", file.toString(), "u");

        assertThat(Files.readString(file)).startsWith("u:$7$210000$");
    }

    @Test
    void passwd_argon2id_writesAPhcLineThatVerifies() throws IOException {
        Path file = directory.resolve("passwords");

        CliRun run = run("", "passwd", "-c", "-H", "argon2id", "-b", file.toString(), "eve", "pw");

        assertThat(run.exitCode()).isZero();
        assertThat(Files.readString(file)).startsWith("eve:$argon2id$v=19$m=19456,t=2,p=1$");
        assertThat(matches(file, "eve", "pw")).isTrue();
        assertThat(run("", "passwd", "-H", "md5", "-b", file.toString(), "eve", "pw").err())
                .contains("--hash must be sha512-pbkdf2, argon2id or scram-sha-256, was 'md5'");
    }

    @Test
    void passwd_scramSha256_writesACredentialThatVerifies() throws IOException {
        Path file = directory.resolve("passwords");

        CliRun run = run("", "passwd", "-c", "-H", "scram-sha-256", "-b", file.toString(), "sam", "pencil");

        assertThat(run.exitCode()).isZero();
        // 16-byte salt = 24 base64 characters, StoredKey and ServerKey 32 bytes = 44 each
        assertThat(Files.readString(file)).matches(
                "sam:\\$scram-sha-256\\$4096\\$[A-Za-z0-9+/]{22}==\\$[A-Za-z0-9+/]{43}=\\$[A-Za-z0-9+/]{43}=\n");
        assertThat(matches(file, "sam", "pencil")).isTrue();
        assertThat(matches(file, "sam", "pencil ")).isFalse();
    }

    @Test
    void passwd_scramBelowRfc7677Minimum_usageError() {
        Path file = directory.resolve("passwords");

        CliRun run = run("", "passwd", "-c", "-H", "scram-sha-256", "-I", "4095", "-b", file.toString(), "u", "pw");

        // RFC 7677 section 4: the iteration count is at least 4096
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--iterations must be 4096..10000000 for scram-sha-256");
        assertThat(file).doesNotExist();
    }

    @Test
    void passwd_missingFileWithoutCreate_failsWithExitCode1() {
        Path file = directory.resolve("missing");

        CliRun run = run("", "passwd", "-b", file.toString(), "u", "pw");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).isEqualTo("ternmq: password file " + file + " not found (-c creates it)"
                + System.lineSeparator());
    }

    @Test
    void passwd_deleteUnknownUser_failsWithExitCode1() {
        Path file = directory.resolve("passwords");
        run("", "passwd", "-c", "-I", "1", "-b", file.toString(), "u", "pw");

        CliRun run = run("", "passwd", "-D", file.toString(), "nobody");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("user 'nobody' is not in " + file);
    }

    @Test
    void passwd_noTerminalAndNoStdinOption_explainsWhatToUse() {
        CliRun run = run("", "passwd", "-c", directory.resolve("p").toString(), "u");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("no terminal to ask for the password: use --stdin or -b");
    }

    @Test
    void passwd_emptyStdin_refused() {
        CliRun empty = run("\n", "passwd", "-c", "--stdin", directory.resolve("p").toString(), "u");
        CliRun none = run("", "passwd", "-c", "--stdin", directory.resolve("q").toString(), "u");

        assertThat(empty.exitCode()).isEqualTo(1);
        assertThat(empty.err()).contains("must not be empty");
        assertThat(none.err()).contains("no password on standard input");
        assertThat(directory.resolve("p")).doesNotExist();
    }

    @Test
    void passwd_conflictingOrMissingArguments_usageErrorExitCode2() {
        String file = directory.resolve("p").toString();

        assertThat(run("", "passwd", "-c", "-D", file, "u").exitCode()).isEqualTo(2);
        assertThat(run("", "passwd", "-c", "-b", file, "u").err()).contains("-b needs the password after USER");
        assertThat(run("", "passwd", "-c", file, "u", "pw").err()).contains("a PASSWORD argument needs -b");
        assertThat(run("", "passwd", "-c", "-b", file, "a:b", "pw").err()).contains("must not contain ':'");
        assertThat(run("", "passwd", "-c", "-I", "0", "-b", file, "u", "pw").exitCode()).isEqualTo(2);
        assertThat(run("", "passwd", file).exitCode()).isEqualTo(2);
    }

    @Test
    void passwd_invalidExistingFile_namesFileAndLine() throws IOException {
        Path file = Files.writeString(directory.resolve("p"), "u:plaintext\n");

        CliRun run = run("", "passwd", "-b", file.toString(), "v", "pw");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).startsWith("ternmq: " + file + " line 1: user 'u': ");
    }
}
