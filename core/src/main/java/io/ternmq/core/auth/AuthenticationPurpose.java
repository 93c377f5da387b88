package io.ternmq.core.auth;

/** Why an enhanced-authentication exchange runs: to let a CONNECT in, or to re-authenticate a live connection. */
public enum AuthenticationPurpose {
    CONNECT,
    REAUTHENTICATE
}
