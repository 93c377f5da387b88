package io.ternmq.core.auth;

import org.jspecify.annotations.Nullable;

/** Who a connected client is, as authentication established it. */
public record ClientIdentity(String clientId, @Nullable String username) {
}
