package io.ternmq.core.auth;

import org.jspecify.annotations.Nullable;

/**
 * The start of an enhanced-authentication exchange: the method, why it runs, who asks and where from.
 *
 * @param currentUser         for a re-authentication, the user the connection is authenticated as (null when it
 *                            has none); null for a CONNECT
 * @param certificateIdentity the identity a verified TLS client certificate proved, if any
 */
public record EnhancedAuthenticationRequest(String method, AuthenticationPurpose purpose, String clientId,
                                            @Nullable String currentUser, String remoteAddress, String listenerName,
                                            @Nullable String certificateIdentity) {
}
