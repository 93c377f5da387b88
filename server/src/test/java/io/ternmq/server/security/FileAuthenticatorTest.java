package io.ternmq.server.security;

import io.ternmq.core.auth.AuthenticationRequest;
import io.ternmq.core.auth.AuthenticationResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.LongAdder;

import static org.assertj.core.api.Assertions.assertThat;

class FileAuthenticatorTest {

    @TempDir
    Path directory;

    private SecurityPolicy policy;

    @AfterEach
    void close() {
        if (policy != null) {
            policy.close();
        }
    }

    private Path passwords() throws IOException {
        Path path = directory.resolve("passwords");
        PasswordFile file = PasswordFile.empty();
        file.put("alice", PasswordHash.create(bytes("right"), 5));
        file.write(path);
        return path;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private AuthenticationResult authenticate(SecuritySettings settings, AuthenticationRequest request) {
        if (policy == null) {
            policy = SecurityPolicy.load(settings);
        }
        return policy.authenticator().authenticate(request).toCompletableFuture().join();
    }

    private static AuthenticationRequest request(String user, String password, String listener) {
        return new AuthenticationRequest("c", user, password == null ? null : bytes(password), "127.0.0.1:1",
                listener, null);
    }

    private static SecuritySettings settings(Path passwordFile, AnonymousAccess anonymous,
                                             Map<String, AnonymousAccess> listeners) {
        return new SecuritySettings(passwordFile, null, anonymous, listeners, Duration.ZERO);
    }

    @Test
    void rightPassword_allowed_wrongOrUnknown_badUserNameOrPassword() throws IOException {
        SecuritySettings settings = settings(passwords(), AnonymousAccess.DENIED, Map.of());

        assertThat(authenticate(settings, request("alice", "right", "tcp"))).isEqualTo(AuthenticationResult.ALLOWED);
        assertThat(authenticate(settings, request("alice", "wrong", "tcp")))
                .isEqualTo(AuthenticationResult.BAD_USERNAME_OR_PASSWORD);
        assertThat(authenticate(settings, request("mallory", "right", "tcp")))
                .isEqualTo(AuthenticationResult.BAD_USERNAME_OR_PASSWORD);
        assertThat(authenticate(settings, request("alice", null, "tcp")))
                .isEqualTo(AuthenticationResult.BAD_USERNAME_OR_PASSWORD);
        assertThat(policy.stats().failedLogins()).isEqualTo(3);
    }

    @Test
    void hashing_runsOnTheGivenExecutor_neverOnTheCaller() throws IOException {
        SecuritySettings settings = settings(passwords(), AnonymousAccess.DENIED, Map.of());
        SecuritySnapshot snapshot = new SecuritySnapshot(Users.of(PasswordFile.read(settings.passwordFile())), null,
                FileStamps.of(settings));
        List<Runnable> hashingTasks = new ArrayList<>();
        var authenticator = new FileAuthenticator(settings, () -> snapshot, hashingTasks::add, new LongAdder());

        CompletableFuture<AuthenticationResult> result = authenticator.authenticate(request("alice", "right", "tcp"))
                .toCompletableFuture();

        assertThat(result).isNotDone();
        assertThat(hashingTasks).hasSize(1);
        hashingTasks.getFirst().run();
        assertThat(result).isCompletedWithValue(AuthenticationResult.ALLOWED);
    }

    @Test
    void anonymous_perListenerOverride_decides() throws IOException {
        SecuritySettings settings = settings(passwords(), AnonymousAccess.DENIED,
                Map.of("local", AnonymousAccess.ALLOWED));

        assertThat(authenticate(settings, request(null, null, "tcp"))).isEqualTo(AuthenticationResult.NOT_AUTHORIZED);
        assertThat(authenticate(settings, request(null, null, "local"))).isEqualTo(AuthenticationResult.ALLOWED);
    }

    @Test
    void anonymousAllowedGlobally_deniedOnOneListener() {
        SecuritySettings settings = settings(null, AnonymousAccess.ALLOWED, Map.of("public", AnonymousAccess.DENIED));

        assertThat(authenticate(settings, request(null, null, "tcp"))).isEqualTo(AuthenticationResult.ALLOWED);
        assertThat(authenticate(settings, request(null, null, "public")))
                .isEqualTo(AuthenticationResult.NOT_AUTHORIZED);
    }

    @Test
    void noPasswordFile_userNamesCountAsAnonymous() {
        assertThat(authenticate(settings(null, AnonymousAccess.ALLOWED, Map.of()), request("x", "y", "tcp")))
                .isEqualTo(AuthenticationResult.ALLOWED);
        policy.close();
        policy = null;
        assertThat(authenticate(settings(null, AnonymousAccess.DENIED, Map.of()), request("x", "y", "tcp")))
                .isEqualTo(AuthenticationResult.NOT_AUTHORIZED);
    }

    @Test
    void certificateIdentity_withoutPassword_allowedEvenWhenAnonymousDenied() throws IOException {
        SecuritySettings settings = settings(passwords(), AnonymousAccess.DENIED, Map.of());
        var request = new AuthenticationRequest("c", null, null, "127.0.0.1:1", "mtls", "CN=device-7");

        assertThat(authenticate(settings, request)).isEqualTo(AuthenticationResult.ALLOWED);
    }
}
