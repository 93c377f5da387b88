package io.ternmq.core.auth;

/** The outcome of authentication; each refusal maps to its CONNACK return code. */
public enum AuthenticationResult {
    ALLOWED,
    BAD_USERNAME_OR_PASSWORD,
    NOT_AUTHORIZED
}
