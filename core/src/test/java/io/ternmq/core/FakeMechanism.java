package io.ternmq.core;

import io.ternmq.core.auth.AuthenticationConversation;
import io.ternmq.core.auth.AuthenticationMechanism;
import io.ternmq.core.auth.AuthenticationStep;
import io.ternmq.core.auth.EnhancedAuthenticationRequest;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * An enhanced-authentication mechanism that answers from a script: each step the core asks for takes the next
 * pending answer, which the test completes when it chooses (before or after the core asked).
 */
final class FakeMechanism implements AuthenticationMechanism {

    private final String method;
    private final ArrayDeque<CompletableFuture<AuthenticationStep>> answers = new ArrayDeque<>();
    final List<EnhancedAuthenticationRequest> requests = new ArrayList<>();
    final List<String> received = new ArrayList<>();

    FakeMechanism(String method) {
        this.method = method;
    }

    /** Queues an answer completed now. */
    FakeMechanism then(AuthenticationStep step) {
        answers.addLast(CompletableFuture.completedFuture(step));
        return this;
    }

    /** Queues an answer the test completes later. */
    CompletableFuture<AuthenticationStep> later() {
        CompletableFuture<AuthenticationStep> answer = new CompletableFuture<>();
        answers.addLast(answer);
        return answer;
    }

    @Override
    public String method() {
        return method;
    }

    @Override
    public AuthenticationConversation begin(EnhancedAuthenticationRequest request) {
        requests.add(request);
        return clientData -> {
            received.add(clientData == null ? "(none)" : new String(clientData));
            CompletableFuture<AuthenticationStep> next = answers.pollFirst();
            return next != null ? next : CompletableFuture.failedFuture(new IllegalStateException("no answer"));
        };
    }
}
