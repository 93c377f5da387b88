package io.ternmq.server.security;

import java.nio.file.Path;

/** A password or ACL file that cannot be used; the message names the file and, when it applies, the line. */
public final class SecurityFileException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    SecurityFileException(Path file, int line, String problem) {
        super(file + " line " + line + ": " + problem);
    }

    SecurityFileException(Path file, String problem, Throwable cause) {
        super(file + ": " + problem, cause);
    }
}
