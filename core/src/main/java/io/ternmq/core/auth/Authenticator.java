package io.ternmq.core.auth;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Decides whether a CONNECT may proceed. May complete on any thread; slow checks (password hashing, remote
 * lookups) must run on their own executor, never on the calling thread, which is a session thread.
 */
public interface Authenticator {

    Authenticator ALLOW_ALL = request -> CompletableFuture.completedFuture(AuthenticationResult.ALLOWED);

    CompletionStage<AuthenticationResult> authenticate(AuthenticationRequest request);

    /**
     * The MQTT 5 enhanced-authentication methods on offer. A CONNECT that names an Authentication Method is decided
     * by that method's mechanism alone, never by {@link #authenticate}; one without is decided by
     * {@link #authenticate}, as in MQTT 3.1.1. None by default.
     */
    default AuthenticationMechanisms mechanisms() {
        return AuthenticationMechanisms.NONE;
    }
}
