package io.ternmq.core.auth;

import org.jspecify.annotations.Nullable;

import java.util.concurrent.CompletionStage;

/**
 * One enhanced-authentication exchange in progress, holding whatever the method remembers between steps (a
 * nonce, the user it is about). The core calls {@link #respond} once with the data of the CONNECT (or of the
 * re-authenticating AUTH), then once per AUTH the client sends after a {@link AuthenticationStep.Continue}; never
 * twice at the same time and never after a final answer.
 */
public interface AuthenticationConversation {

    /**
     * Answers the client's Authentication Data (null when the packet had none). May complete on any thread; as
     * with {@link Authenticator}, slow work (hashing, remote calls) must run on its own executor, never on the
     * calling thread, which is a session thread. A failed stage counts as a refusal.
     */
    CompletionStage<AuthenticationStep> respond(byte @Nullable [] clientData);
}
