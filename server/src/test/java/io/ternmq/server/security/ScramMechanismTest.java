package io.ternmq.server.security;

import io.ternmq.core.auth.AuthenticationMechanism;
import io.ternmq.core.auth.AuthenticationPurpose;
import io.ternmq.core.auth.AuthenticationRequest;
import io.ternmq.core.auth.AuthenticationResult;
import io.ternmq.core.auth.AuthenticationStep;
import io.ternmq.core.auth.EnhancedAuthenticationRequest;
import io.ternmq.testkit.ScramClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ScramMechanismTest {

    @TempDir
    Path directory;

    private SecurityPolicy policy;

    @AfterEach
    void close() {
        if (policy != null) {
            policy.close();
        }
    }

    private SecurityPolicy load(Path passwordFile) {
        policy = SecurityPolicy.load(new SecuritySettings(passwordFile, null, AnonymousAccess.DENIED, Map.of(),
                Duration.ZERO));
        return policy;
    }

    private Path passwords(String user, String password) throws IOException {
        Path path = directory.resolve("passwords");
        PasswordFile file = PasswordFile.empty();
        file.put(user, ScramCredential.create(password.getBytes(StandardCharsets.UTF_8), 4096));
        file.write(path);
        return path;
    }

    private static EnhancedAuthenticationRequest request() {
        return new EnhancedAuthenticationRequest("SCRAM-SHA-256", AuthenticationPurpose.CONNECT, "c", null,
                "127.0.0.1:1", "tcp", null);
    }

    private static AuthenticationStep exchange(AuthenticationMechanism mechanism, String user, String password) {
        var conversation = mechanism.begin(request());
        ScramClient client = new ScramClient(user, password, "nonce");
        var first = (AuthenticationStep.Continue) conversation.respond(client.clientFirst()).toCompletableFuture()
                .join();
        return conversation.respond(client.clientFinal(first.serverData())).toCompletableFuture().join();
    }

    @Test
    void passwordFile_offersScramSha256() throws IOException {
        SecurityPolicy loaded = load(passwords("sam", "pw"));

        assertThat(loaded.authenticator().mechanisms().methods()).containsExactly("SCRAM-SHA-256");
    }

    @Test
    void noPasswordFile_offersNoMechanism() {
        SecurityPolicy loaded = load(null);

        assertThat(loaded.authenticator().mechanisms().methods()).isEmpty();
        assertThat(loaded.authenticator().mechanisms().find("SCRAM-SHA-256")).isNull();
    }

    @Test
    void exchange_rightAndWrongPassword_successOrCountedFailure() throws IOException {
        AuthenticationMechanism scram = load(passwords("sam", "pw")).authenticator().mechanisms()
                .find("SCRAM-SHA-256");

        assertThat(exchange(scram, "sam", "pw")).isInstanceOf(AuthenticationStep.Success.class);
        assertThat(exchange(scram, "sam", "wrong")).isInstanceOf(AuthenticationStep.Failure.class);
        assertThat(exchange(scram, "nobody", "pw")).isInstanceOf(AuthenticationStep.Failure.class);
        assertThat(policy.stats().failedLogins()).isEqualTo(2);
    }

    @Test
    void reload_newCredential_usedByTheNextExchange() throws IOException {
        SecurityPolicy loaded = load(passwords("sam", "old"));
        AuthenticationMechanism scram = loaded.authenticator().mechanisms().find("SCRAM-SHA-256");
        passwords("sam", "new");

        loaded.reload(SubscriptionRevoker.NONE);

        assertThat(exchange(scram, "sam", "new")).isInstanceOf(AuthenticationStep.Success.class);
        assertThat(exchange(scram, "sam", "old")).isInstanceOf(AuthenticationStep.Failure.class);
    }

    @Test
    void connectWithPassword_scramUser_checkedAgainstTheSameCredential() throws IOException {
        SecurityPolicy loaded = load(passwords("sam", "pw"));

        var allowed = loaded.authenticator().authenticate(new AuthenticationRequest("c", "sam",
                "pw".getBytes(StandardCharsets.UTF_8), "127.0.0.1:1", "tcp", null)).toCompletableFuture().join();

        assertThat(allowed).isEqualTo(AuthenticationResult.ALLOWED);
    }
}
