package io.ternmq.server.security;

import org.jspecify.annotations.Nullable;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The password file: one {@code user:hash} line per user, in the order they were added; blank lines and lines
 * starting with '#' are ignored (and not kept when the file is rewritten). A user name is any non-empty text
 * without ':' or a line break. The file is written whole to a temporary file with mode 0600 and moved into place,
 * so a reader never sees half of it.
 */
public final class PasswordFile {

    private final Map<String, StoredPassword> users;

    private PasswordFile(Map<String, StoredPassword> users) {
        this.users = users;
    }

    public static PasswordFile empty() {
        return new PasswordFile(new LinkedHashMap<>());
    }

    /** Reads and checks every line; the first problem is reported with its line number. */
    public static PasswordFile read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new SecurityFileException(file, "password file not found", e);
        } catch (IOException e) {
            throw new SecurityFileException(file, "cannot read the password file: " + e.getMessage(), e);
        }
        Map<String, StoredPassword> users = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int colon = line.indexOf(':');
            if (colon <= 0) {
                throw new SecurityFileException(file, i + 1, "expected user:hash");
            }
            String user = line.substring(0, colon);
            StoredPassword hash;
            try {
                hash = StoredPassword.parse(line.substring(colon + 1));
            } catch (IllegalArgumentException invalid) {
                throw new SecurityFileException(file, i + 1, "user '" + user + "': " + invalid.getMessage());
            }
            if (users.putIfAbsent(user, hash) != null) {
                throw new SecurityFileException(file, i + 1, "user '" + user + "' appears twice");
            }
        }
        return new PasswordFile(users);
    }

    /** Why {@code user} cannot be a user name, or null when it can. */
    public static @Nullable String problemWithUserName(String user) {
        if (user.isEmpty()) {
            return "the user name must not be empty";
        }
        if (user.indexOf(':') >= 0) {
            return "the user name must not contain ':'";
        }
        if (user.chars().anyMatch(c -> c == '\n' || c == '\r')) {
            return "the user name must not contain a line break";
        }
        if (!user.equals(user.strip())) {
            return "the user name must not start or end with white space";
        }
        return null;
    }

    public Map<String, StoredPassword> users() {
        return Collections.unmodifiableMap(users);
    }

    /** Adds the user or replaces its password. */
    public void put(String user, StoredPassword hash) {
        String problem = problemWithUserName(user);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        users.put(user, hash);
    }

    /** Removes the user; false when there was none. */
    public boolean remove(String user) {
        return users.remove(user) != null;
    }

    /** Replaces {@code file} atomically with this content, readable and writable by the owner only. */
    public void write(Path file) throws IOException {
        StringBuilder text = new StringBuilder();
        users.forEach((user, hash) -> text.append(user).append(':').append(hash.encode()).append('\n'));
        Path directory = file.toAbsolutePath().getParent();
        Path temporary = createOwnerOnly(directory, file.getFileName() + ".");
        try {
            Files.writeString(temporary, text, StandardCharsets.UTF_8);
            try {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException notAtomic) {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    private static Path createOwnerOnly(Path directory, String prefix) throws IOException {
        try {
            return Files.createTempFile(directory, prefix, ".tmp",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException notPosix) {
            return Files.createTempFile(directory, prefix, ".tmp"); // e.g. Windows: the directory's ACL applies
        } catch (FileAlreadyExistsException unlikely) {
            throw new IOException("cannot create a temporary file next to the password file", unlikely);
        }
    }
}
