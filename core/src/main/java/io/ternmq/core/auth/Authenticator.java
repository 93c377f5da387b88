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
}
