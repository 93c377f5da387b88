package io.ternmq.server.security;

import java.util.Locale;
import java.util.Optional;

/** What an ACL rule grants, or, for {@link #DENY}, takes away whatever any other rule grants. */
enum Access {
    READ,
    WRITE,
    READWRITE,
    DENY;

    static Optional<Access> parse(String word) {
        for (Access access : values()) {
            if (access.name().toLowerCase(Locale.ROOT).equals(word)) {
                return Optional.of(access);
            }
        }
        return Optional.empty();
    }

    boolean allowsRead() {
        return this == READ || this == READWRITE;
    }

    boolean allowsWrite() {
        return this == WRITE || this == READWRITE;
    }
}
