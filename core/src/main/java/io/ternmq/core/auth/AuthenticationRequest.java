package io.ternmq.core.auth;

import org.jspecify.annotations.Nullable;

/**
 * What a client presented in its CONNECT, and where: the listener it came in on (authentication settings are
 * per listener) and the identity its TLS client certificate proved, if any.
 */
public record AuthenticationRequest(String clientId, @Nullable String username, byte @Nullable [] password,
                                    String remoteAddress, String listenerName,
                                    @Nullable String certificateIdentity) {
}
