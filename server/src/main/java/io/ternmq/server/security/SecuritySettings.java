package io.ternmq.server.security;

import org.jspecify.annotations.Nullable;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * Where the security files are and how anonymous clients are treated.
 *
 * @param passwordFile       users and password hashes; null: user names are not verified
 * @param aclFile            access rules; null: every client may publish and subscribe to everything
 * @param anonymous          whether clients without user name may connect, unless their listener says otherwise
 * @param anonymousListeners per listener name, an override of {@code anonymous}
 * @param reloadInterval     how often the files' modification times are polled; zero: never
 */
public record SecuritySettings(@Nullable Path passwordFile, @Nullable Path aclFile, AnonymousAccess anonymous,
                               Map<String, AnonymousAccess> anonymousListeners, Duration reloadInterval) {

    /** Today's behaviour without configuration: anyone may connect, publish and subscribe. */
    public static final SecuritySettings OPEN = new SecuritySettings(null, null, AnonymousAccess.ALLOWED, Map.of(),
            Duration.ofSeconds(5));

    public SecuritySettings {
        anonymousListeners = Map.copyOf(anonymousListeners);
        if (reloadInterval.isNegative()) {
            throw new IllegalArgumentException("reloadInterval must not be negative, was " + reloadInterval);
        }
    }

    public AnonymousAccess anonymousAccessOn(String listenerName) {
        return anonymousListeners.getOrDefault(listenerName, anonymous);
    }

    public boolean hasFiles() {
        return passwordFile != null || aclFile != null;
    }
}
