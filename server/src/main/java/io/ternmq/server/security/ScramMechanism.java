package io.ternmq.server.security;

import io.ternmq.core.auth.AuthenticationConversation;
import io.ternmq.core.auth.AuthenticationMechanism;
import io.ternmq.core.auth.AuthenticationStep;
import io.ternmq.core.auth.EnhancedAuthenticationRequest;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;

/**
 * SCRAM-SHA-256 (RFC 5802, RFC 7677) as an MQTT 5 enhanced-authentication method, over the SCRAM credentials of
 * the password file in force when an exchange begins. Refusals are logged like those of the password check and
 * counted with them.
 */
final class ScramMechanism implements AuthenticationMechanism {

    static final String METHOD = "SCRAM-SHA-256";
    private static final Logger LOG = LoggerFactory.getLogger(ScramMechanism.class);
    private static final int NONCE_BYTES = 18;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Supplier<ScramUsers> users;
    private final LongAdder failures;

    ScramMechanism(Supplier<ScramUsers> users, LongAdder failures) {
        this.users = users;
        this.failures = failures;
    }

    @Override
    public String method() {
        return METHOD;
    }

    @Override
    public AuthenticationConversation begin(EnhancedAuthenticationRequest request) {
        ScramConversation conversation = new ScramConversation(users.get(), ScramMechanism::serverNonce);
        return clientData -> logged(request, conversation, conversation.respond(clientData));
    }

    private CompletionStage<AuthenticationStep> logged(EnhancedAuthenticationRequest request,
                                                       ScramConversation conversation,
                                                       CompletionStage<AuthenticationStep> answer) {
        return answer.thenApply(step -> {
            if (step instanceof AuthenticationStep.Failure failure) {
                failures.increment();
                @Nullable String user = conversation.user();
                LOG.warn("authentication failed: client {} user {} from {} on listener {} ({} {}): {}",
                        LogText.of(request.clientId()), LogText.of(user), request.remoteAddress(),
                        request.listenerName(), METHOD, request.purpose(), failure.detail());
            }
            return step;
        });
    }

    /** 18 random bytes, base64: 24 characters, none of them ','. */
    private static String serverNonce() {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        return Base64.getEncoder().encodeToString(nonce);
    }
}
