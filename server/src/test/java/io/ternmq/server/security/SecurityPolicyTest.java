package io.ternmq.server.security;

import io.ternmq.core.auth.ClientIdentity;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiPredicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SecurityPolicyTest {

    private static final ClientIdentity ALICE = new ClientIdentity("c", "alice");

    @TempDir
    Path directory;

    private SecurityPolicy policy;

    @AfterEach
    void close() {
        if (policy != null) {
            policy.close();
        }
    }

    private Path acl(String text) throws IOException {
        return Files.writeString(directory.resolve("acl"), text);
    }

    private SecurityPolicy load(Path acl) {
        policy = SecurityPolicy.load(new SecuritySettings(null, acl, AnonymousAccess.ALLOWED, Map.of(), Duration.ZERO));
        return policy;
    }

    /** Answers as if one live subscription, alice on {@code filter}, were checked. */
    private static SubscriptionRevoker oneSubscription(String filter, List<String> revoked) {
        return (BiPredicate<ClientIdentity, String> stillAllowed) -> {
            if (!stillAllowed.test(ALICE, filter)) {
                revoked.add(filter);
                return CompletableFuture.completedFuture(1);
            }
            return CompletableFuture.completedFuture(0);
        };
    }

    @Test
    void reload_validFile_appliedAndDisallowedSubscriptionsRevoked() throws IOException {
        Path acl = acl("user alice\ntopic a/#\n");
        load(acl);
        assertThat(policy.authorizer().maySubscribe(ALICE, "a/b")).isTrue();
        Files.writeString(acl, "user alice\ntopic b/#\n");
        List<String> revoked = new ArrayList<>();

        ReloadResult result = policy.reload(oneSubscription("a/b", revoked));

        assertThat(result.outcome()).isEqualTo(ReloadResult.Outcome.APPLIED);
        assertThat(result.revokedSubscriptions()).isEqualTo(1);
        assertThat(result.aclRules()).isEqualTo(1);
        assertThat(revoked).containsExactly("a/b");
        assertThat(policy.authorizer().maySubscribe(ALICE, "a/b")).isFalse();
        assertThat(policy.authorizer().maySubscribe(ALICE, "b/c")).isTrue();
        assertThat(policy.stats().reloads()).isEqualTo(1);
        assertThat(policy.stats().revokedSubscriptions()).isEqualTo(1);
    }

    @Test
    void reload_invalidFile_rejectedWithFileAndLine_oldRulesStay() throws IOException {
        Path acl = acl("user alice\ntopic a/#\n");
        load(acl);
        Files.writeString(acl, "user alice\ntopic b/#\ntopic read a/#/x\n");
        List<String> revoked = new ArrayList<>();

        ReloadResult result = policy.reload(oneSubscription("a/b", revoked));

        assertThat(result.outcome()).isEqualTo(ReloadResult.Outcome.REJECTED);
        assertThat(result.message()).isEqualTo(acl + " line 3: 'a/#/x' is not a valid topic filter");
        assertThat(revoked).isEmpty();
        assertThat(policy.authorizer().maySubscribe(ALICE, "a/b")).isTrue();
        assertThat(policy.authorizer().maySubscribe(ALICE, "b/c")).isFalse();
        assertThat(policy.stats().rejectedReloads()).isEqualTo(1);
    }

    @Test
    void reload_badPasswordFileWithGoodAcl_neitherApplied() throws IOException {
        Path acl = acl("user alice\ntopic a/#\n");
        Path passwords = directory.resolve("passwords");
        PasswordFile file = PasswordFile.empty();
        file.put("alice", PasswordHash.create(new byte[] {1}, 2));
        file.write(passwords);
        policy = SecurityPolicy.load(new SecuritySettings(passwords, acl, AnonymousAccess.ALLOWED, Map.of(),
                Duration.ZERO));
        Files.writeString(acl, "user alice\ntopic b/#\n");
        Files.writeString(passwords, "alice:broken\n");

        ReloadResult result = policy.reload(SubscriptionRevoker.NONE);

        assertThat(result.outcome()).isEqualTo(ReloadResult.Outcome.REJECTED);
        assertThat(result.message()).startsWith(passwords + " line 1: user 'alice': ");
        assertThat(result.users()).isEqualTo(1);
        assertThat(policy.authorizer().maySubscribe(ALICE, "a/b")).isTrue();
    }

    @Test
    void load_invalidFile_throwsNamingFileAndLine() throws IOException {
        Path acl = acl("nonsense\n");

        assertThatThrownBy(() -> load(acl)).isInstanceOf(SecurityFileException.class)
                .hasMessageStartingWith(acl + " line 1: unknown keyword 'nonsense'");
    }

    @Test
    void reload_noFilesConfigured_nothingToReload() {
        policy = SecurityPolicy.load(SecuritySettings.OPEN);

        assertThat(policy.reload(SubscriptionRevoker.NONE).outcome())
                .isEqualTo(ReloadResult.Outcome.NOTHING_TO_RELOAD);
    }
}
