package io.ternmq.server.config;

import io.ternmq.server.security.AnonymousAccess;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/** The {@code auth} section: password and ACL files, anonymous access, and how often the files are re-read. */
public record AuthConfig(Optional<Path> passwordFile, Optional<Path> aclFile, AnonymousAccess allowAnonymous,
                         Map<String, AnonymousAccess> anonymousListeners, Duration reloadInterval) {

    public AuthConfig {
        anonymousListeners = Map.copyOf(anonymousListeners);
    }
}
