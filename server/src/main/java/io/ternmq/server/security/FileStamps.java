package io.ternmq.server.security;

import org.jspecify.annotations.Nullable;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;

/** Modification time and size of the security files: when either changes, the files are read again. */
record FileStamps(@Nullable Stamp passwordFile, @Nullable Stamp aclFile) {

    record Stamp(FileTime modified, long size) {
    }

    static FileStamps of(SecuritySettings settings) {
        return new FileStamps(stamp(settings.passwordFile()), stamp(settings.aclFile()));
    }

    private static @Nullable Stamp stamp(@Nullable Path file) {
        if (file == null) {
            return null;
        }
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            return new Stamp(attributes.lastModifiedTime(), attributes.size());
        } catch (IOException missing) {
            return new Stamp(FileTime.fromMillis(0), -1);
        }
    }
}
