package io.ternmq.server.cli;

import io.ternmq.server.security.Argon2idHash;
import io.ternmq.server.security.PasswordFile;
import io.ternmq.server.security.PasswordHash;
import io.ternmq.server.security.ScramCredential;
import io.ternmq.server.security.SecurityFileException;
import io.ternmq.server.security.StoredPassword;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.Callable;

/**
 * {@code ternmq passwd}: manages the password file the way mosquitto_passwd does ({@code -c} create, {@code -D}
 * delete, {@code -b} password on the command line), plus {@code --stdin} for scripts that should not put a
 * password in the process list. The file is rewritten atomically with mode 0600.
 */
@Command(name = "passwd", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        sortOptions = false,
        description = {"Add a user to a password file, change a user's password, or delete a user.",
                "The password is asked twice on the terminal (not echoed) unless --stdin or -b is given.",
                "Hashes are salted PBKDF2-HMAC-SHA512 ('user:$7$iterations$salt$hash'), Argon2id (-H argon2id)",
                "or SCRAM-SHA-256 credentials (-H scram-sha-256), which MQTT 5 clients can also use for",
                "enhanced authentication."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:done", "1:failure (file not found or invalid, unknown user, passwords differ, ...)",
                "2:usage error"},
        footer = {"", "Examples:", "  ternmq passwd -c passwords.txt alice      create the file with user alice",
                "  ternmq passwd passwords.txt bob           add bob (or change his password)",
                "  echo secret | ternmq passwd --stdin passwords.txt bob",
                "  ternmq passwd -b passwords.txt bob secret  (others can see it in ps: avoid)",
                "  ternmq passwd -H argon2id passwords.txt eve   add eve with an Argon2id hash",
                "  ternmq passwd -H scram-sha-256 passwords.txt sam   add sam for SCRAM-SHA-256 (MQTT 5 AUTH)",
                "  ternmq passwd -D passwords.txt bob        delete bob"})
final class PasswdCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = {"-c", "--create"}, description = "Create a new password file; an existing one is replaced.")
    private boolean create;

    @Option(names = {"-D", "--delete"}, description = "Delete the user.")
    private boolean delete;

    @Option(names = {"-b", "--batch"}, description = "Take the password from the command line (after USER).")
    private boolean batch;

    @Option(names = "--stdin", description = "Read the password from the first line of standard input.")
    private boolean stdin;

    @Option(names = {"-H", "--hash"}, paramLabel = "ALGORITHM",
            description = "sha512-pbkdf2 (default), argon2id (19 MiB of memory, 2 passes, 1 lane) or "
                    + "scram-sha-256 (PBKDF2-HMAC-SHA256 StoredKey/ServerKey, for MQTT 5 enhanced authentication).")
    private String algorithm = PBKDF2;

    @Option(names = {"-I", "--iterations"}, paramLabel = "N",
            description = "Iterations: PBKDF2 default " + PasswordHash.DEFAULT_ITERATIONS + ", argon2id passes "
                    + "default " + Argon2idHash.DEFAULT_ITERATIONS + ", scram-sha-256 default (and minimum) "
                    + ScramCredential.DEFAULT_ITERATIONS + "; more is slower for attackers and logins.")
    private @Nullable Integer iterations;

    private static final String PBKDF2 = "sha512-pbkdf2";
    private static final String ARGON2ID = "argon2id";
    private static final String SCRAM_SHA_256 = "scram-sha-256";

    @Parameters(index = "0", paramLabel = "FILE", description = "The password file.")
    private Path file;

    @Parameters(index = "1", paramLabel = "USER", description = "The user name (no ':').")
    private String user;

    @Parameters(index = "2", arity = "0..1", paramLabel = "PASSWORD", description = "The password, with -b only.")
    private @Nullable String password;

    private final PasswordInput input;

    PasswdCommand(PasswordInput input) {
        this.input = input;
    }

    @Override
    public Integer call() throws IOException {
        checkUsage();
        PrintWriter out = spec.commandLine().getOut();
        if (delete) {
            PasswordFile passwords = existing();
            if (!passwords.remove(user)) {
                throw new CommandFailedException("user '" + user + "' is not in " + file);
            }
            passwords.write(file);
            out.println("deleted user '" + user + "' from " + file);
            out.flush();
            return 0;
        }
        PasswordFile passwords = create ? PasswordFile.empty() : existing();
        boolean known = passwords.users().containsKey(user);
        byte[] secret = readPassword();
        try {
            passwords.put(user, hash(secret));
        } finally {
            Arrays.fill(secret, (byte) 0);
        }
        passwords.write(file);
        out.println((known ? "changed the password of user '" : "added user '") + user + "' to " + file);
        out.flush();
        return 0;
    }

    private StoredPassword hash(byte[] secret) {
        if (algorithm.equals(ARGON2ID)) {
            int passes = iterations == null ? Argon2idHash.DEFAULT_ITERATIONS : iterations;
            return Argon2idHash.create(secret, Argon2idHash.DEFAULT_MEMORY_KIB, passes, 1);
        }
        if (algorithm.equals(SCRAM_SHA_256)) {
            try {
                return ScramCredential.create(secret, iterations == null ? ScramCredential.DEFAULT_ITERATIONS
                        : iterations);
            } catch (IllegalArgumentException refused) {
                throw new CommandFailedException(refused.getMessage()); // SASLprep refused the password
            }
        }
        return PasswordHash.create(secret, iterations == null ? PasswordHash.DEFAULT_ITERATIONS : iterations);
    }

    private void checkUsage() {
        if (create && delete) {
            throw usage("-c and -D cannot be combined");
        }
        if (batch && stdin) {
            throw usage("-b and --stdin cannot be combined");
        }
        if (batch != (password != null) && !delete) {
            throw usage(batch ? "-b needs the password after USER" : "a PASSWORD argument needs -b");
        }
        if (delete && (batch || stdin || password != null)) {
            throw usage("-D takes no password");
        }
        if (!algorithm.equals(PBKDF2) && !algorithm.equals(ARGON2ID) && !algorithm.equals(SCRAM_SHA_256)) {
            throw usage("--hash must be " + PBKDF2 + ", " + ARGON2ID + " or " + SCRAM_SHA_256 + ", was '"
                    + algorithm + "'");
        }
        int minIterations = algorithm.equals(SCRAM_SHA_256) ? ScramCredential.MIN_ITERATIONS : 1;
        int maxIterations = switch (algorithm) {
            case ARGON2ID -> 1_000;
            case SCRAM_SHA_256 -> ScramCredential.MAX_ITERATIONS;
            default -> PasswordHash.MAX_ITERATIONS;
        };
        if (iterations != null && (iterations < minIterations || iterations > maxIterations)) {
            throw usage("--iterations must be " + minIterations + ".." + maxIterations + " for " + algorithm);
        }
        String problem = PasswordFile.problemWithUserName(user);
        if (problem != null) {
            throw usage(problem);
        }
    }

    private ParameterException usage(String problem) {
        return new ParameterException(spec.commandLine(), problem);
    }

    private PasswordFile existing() {
        if (!Files.exists(file)) {
            throw new CommandFailedException("password file " + file + " not found (-c creates it)");
        }
        try {
            return PasswordFile.read(file);
        } catch (SecurityFileException invalid) {
            throw new CommandFailedException(invalid.getMessage(), invalid);
        }
    }

    private byte[] readPassword() throws IOException {
        if (batch) {
            return nonEmpty(password == null ? "" : password);
        }
        if (stdin) {
            String line = input.firstLineOfStdin();
            if (line == null) {
                throw new CommandFailedException("no password on standard input");
            }
            return nonEmpty(line);
        }
        char[] first = input.fromConsole("Password: ");
        if (first == null) {
            throw new CommandFailedException("no terminal to ask for the password: use --stdin or -b");
        }
        char[] second = input.fromConsole("Reenter password: ");
        try {
            if (second == null || !Arrays.equals(first, second)) {
                throw new CommandFailedException("the passwords do not match");
            }
            if (first.length == 0) {
                throw new CommandFailedException("the password must not be empty");
            }
            ByteBuffer encoded = StandardCharsets.UTF_8.encode(CharBuffer.wrap(first));
            byte[] bytes = new byte[encoded.remaining()];
            encoded.get(bytes);
            return bytes;
        } finally {
            Arrays.fill(first, '\0');
            if (second != null) {
                Arrays.fill(second, '\0');
            }
        }
    }

    private static byte[] nonEmpty(String text) {
        if (text.isEmpty()) {
            throw new CommandFailedException("the password must not be empty");
        }
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
