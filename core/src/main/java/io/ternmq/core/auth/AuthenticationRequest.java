package io.ternmq.core.auth;

import org.jspecify.annotations.Nullable;

/** What a client presented in its CONNECT. */
public record AuthenticationRequest(String clientId, @Nullable String username, byte @Nullable [] password,
                                    String remoteAddress) {
}
