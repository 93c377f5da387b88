package io.ternmq.server.config;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/**
 * A file the broker must be able to read at startup, such as a certificate. Checked here so that a typo in a path
 * is reported with the configuration line rather than later by the TLS library.
 */
public record ReadableFile() implements ValueType<Path> {

    @Override
    public Path parse(String text) {
        String trimmed = text.strip();
        Path path;
        try {
            path = Path.of(trimmed);
        } catch (InvalidPathException invalid) {
            throw new InvalidValueException("a valid file path (" + invalid.getReason() + ")");
        }
        if (trimmed.isEmpty() || !Files.isRegularFile(path) || !Files.isReadable(path)) {
            throw new InvalidValueException("a readable file");
        }
        return path;
    }

    @Override
    public String format(Path value) {
        return value.toString();
    }

    @Override
    public String describe() {
        return "path of a readable file";
    }
}
