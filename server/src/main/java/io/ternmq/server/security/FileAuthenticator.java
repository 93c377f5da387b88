package io.ternmq.server.security;

import io.ternmq.core.auth.AuthenticationMechanisms;
import io.ternmq.core.auth.AuthenticationRequest;
import io.ternmq.core.auth.AuthenticationResult;
import io.ternmq.core.auth.Authenticator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;

/**
 * Authenticates against the password file in force. Decisions: no user name is anonymous (allowed or refused
 * per listener, 0x05); a client certificate the listener verified authenticates without a password; with a
 * password file, a user name needs a matching password (else 0x04); without one, user names cannot be checked
 * and count as anonymous. Only the hash runs on the hashing executor; every other answer is immediate. With a
 * password file, MQTT 5 clients may authenticate with SCRAM-SHA-256 instead (enhanced authentication).
 */
final class FileAuthenticator implements Authenticator {

    private static final Logger LOG = LoggerFactory.getLogger(FileAuthenticator.class);

    private final SecuritySettings settings;
    private final Supplier<SecuritySnapshot> current;
    private final Executor hashing;
    private final LongAdder failures;
    private final AuthenticationMechanisms mechanisms;

    FileAuthenticator(SecuritySettings settings, Supplier<SecuritySnapshot> current, Executor hashing,
                      LongAdder failures) {
        this.settings = settings;
        this.current = current;
        this.hashing = hashing;
        this.failures = failures;
        // SCRAM needs users to check against: offered only with a password file
        this.mechanisms = settings.passwordFile() == null ? AuthenticationMechanisms.NONE
                : AuthenticationMechanisms.of(new ScramMechanism(this::scramUsers, failures));
    }

    @Override
    public AuthenticationMechanisms mechanisms() {
        return mechanisms;
    }

    private ScramUsers scramUsers() {
        Users users = current.get().users();
        return users == null ? ScramUsers.of(Map.of()) : users.scram();
    }

    @Override
    public CompletionStage<AuthenticationResult> authenticate(AuthenticationRequest request) {
        String user = request.username();
        if (request.certificateIdentity() != null && request.password() == null) {
            return allowed();
        }
        Users users = current.get().users();
        if (user == null || users == null) {
            if (settings.anonymousAccessOn(request.listenerName()) == AnonymousAccess.ALLOWED) {
                return allowed();
            }
            return refused(request, AuthenticationResult.NOT_AUTHORIZED, user == null
                    ? "anonymous access is not allowed on this listener"
                    : "user names cannot be verified without a password file and anonymous access is not allowed");
        }
        byte[] password = request.password();
        if (password == null) {
            return refused(request, AuthenticationResult.BAD_USERNAME_OR_PASSWORD, "no password");
        }
        return CompletableFuture.supplyAsync(() -> users.verify(user, password), hashing)
                .thenApply(verdict -> switch (verdict) {
                    case MATCH -> AuthenticationResult.ALLOWED;
                    case UNKNOWN_USER -> refuse(request, AuthenticationResult.BAD_USERNAME_OR_PASSWORD, "unknown user");
                    case WRONG_PASSWORD -> refuse(request, AuthenticationResult.BAD_USERNAME_OR_PASSWORD,
                            "wrong password");
                });
    }

    private static CompletionStage<AuthenticationResult> allowed() {
        return CompletableFuture.completedFuture(AuthenticationResult.ALLOWED);
    }

    private CompletionStage<AuthenticationResult> refused(AuthenticationRequest request, AuthenticationResult result,
                                                          String reason) {
        return CompletableFuture.completedFuture(refuse(request, result, reason));
    }

    /** Logged without the password, and with client-chosen text made safe for a log line. */
    private AuthenticationResult refuse(AuthenticationRequest request, AuthenticationResult result, String reason) {
        failures.increment();
        LOG.warn("authentication failed: client {} user {} from {} on listener {}: {}",
                LogText.of(request.clientId()), LogText.of(request.username()), request.remoteAddress(),
                request.listenerName(), reason);
        return result;
    }
}
