package io.ternmq.server.security;

/** Whether a client that presents no user name (and no client certificate) may connect. */
public enum AnonymousAccess {
    ALLOWED,
    DENIED
}
