package io.ternmq.server.config;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Optional;

/** A file path, or nothing when empty or {@code none}: the feature the file configures is off. */
public record OptionalFile() implements ValueType<Optional<Path>> {

    private static final String NONE = "none";

    @Override
    public Optional<Path> parse(String text) {
        String trimmed = text.strip();
        if (trimmed.isEmpty() || trimmed.equals(NONE)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Path.of(trimmed));
        } catch (InvalidPathException invalid) {
            throw new InvalidValueException("a valid file path or none (" + invalid.getReason() + ")");
        }
    }

    @Override
    public String format(Optional<Path> value) {
        return value.map(Path::toString).orElse(NONE);
    }

    @Override
    public String describe() {
        return "file path, or none";
    }
}
