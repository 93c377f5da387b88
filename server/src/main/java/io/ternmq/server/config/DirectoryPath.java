package io.ternmq.server.config;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/** A directory path, relative to the working directory unless absolute; the broker creates it when missing. */
public record DirectoryPath() implements ValueType<Path> {

    @Override
    public Path parse(String text) {
        String trimmed = text.strip();
        if (trimmed.isEmpty()) {
            throw new InvalidValueException("a directory path");
        }
        try {
            return Path.of(trimmed);
        } catch (InvalidPathException invalid) {
            throw new InvalidValueException("a valid directory path (" + invalid.getReason() + ")");
        }
    }

    @Override
    public String format(Path value) {
        return value.toString();
    }

    @Override
    public String describe() {
        return "directory path";
    }
}
