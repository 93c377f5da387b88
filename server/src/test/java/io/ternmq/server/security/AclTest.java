package io.ternmq.server.security;

import io.ternmq.core.auth.ClientIdentity;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AclTest {

    private static final Path FILE = Path.of("acl.conf");

    private static final Acl ACL = AclFile.parse(FILE, List.of(
            "# anonymous clients",
            "topic read public/#",
            "",
            "user alice",
            "topic readwrite home/alice/#",
            "topic read sensors/+/temperature",
            "topic deny home/alice/secret",
            "topic read $SYS/#",
            "user bob",
            "topic write sensors/bob/temperature",
            "topic home/bob/#",
            "pattern read clients/%c/inbox",
            "pattern write users/%u/outbox/#",
            "pattern deny shared/%u",
            "pattern readwrite dev-%c/status"));

    private static final ClientIdentity ANONYMOUS = new ClientIdentity("anon-1", null);
    private static final ClientIdentity ALICE = new ClientIdentity("phone", "alice");
    private static final ClientIdentity BOB = new ClientIdentity("sensor", "bob");
    private static final ClientIdentity CAROL = new ClientIdentity("laptop", "carol");

    @Test
    void anonymous_rulesBeforeFirstUser_readOnlyPublic() {
        assertThat(ACL.maySubscribe(ANONYMOUS, "public/news")).isTrue();
        assertThat(ACL.maySubscribe(ANONYMOUS, "public/#")).isTrue();
        assertThat(ACL.mayPublish(ANONYMOUS, "public/news")).isFalse();
        assertThat(ACL.maySubscribe(ANONYMOUS, "home/alice/x")).isFalse();
        assertThat(ACL.maySubscribe(ANONYMOUS, "#")).isFalse();
    }

    @Test
    void user_ownSectionOnly_notOtherUsersNorAnonymousRules() {
        assertThat(ACL.mayPublish(ALICE, "home/alice/lights")).isTrue();
        assertThat(ACL.maySubscribe(ALICE, "home/alice/+")).isFalse(); // the filter reaches the denied topic
        assertThat(ACL.maySubscribe(ALICE, "home/alice/lights/#")).isTrue();
        assertThat(ACL.mayPublish(ALICE, "home/bob/lights")).isFalse();
        assertThat(ACL.maySubscribe(ALICE, "public/news")).isFalse();
        assertThat(ACL.mayPublish(BOB, "home/bob/door")).isTrue(); // no access word: readwrite
        assertThat(ACL.maySubscribe(BOB, "home/bob/door")).isTrue();
    }

    @Test
    void deny_winsOverAGrantCoveringTheSameTopic() {
        assertThat(ACL.mayPublish(ALICE, "home/alice/secret")).isFalse();
        assertThat(ACL.maySubscribe(ALICE, "home/alice/secret")).isFalse();
        assertThat(ACL.maySubscribe(ALICE, "home/alice/#")).isFalse();
        assertThat(ACL.mayPublish(ALICE, "home/alice/secret/more")).isTrue(); // deny is exact, not a prefix
    }

    @Test
    void readAndWrite_areSeparateGrants() {
        assertThat(ACL.maySubscribe(ALICE, "sensors/+/temperature")).isTrue();
        assertThat(ACL.maySubscribe(ALICE, "sensors/kitchen/temperature")).isTrue();
        assertThat(ACL.maySubscribe(ALICE, "sensors/#")).isFalse(); // wider than the grant
        assertThat(ACL.mayPublish(ALICE, "sensors/kitchen/temperature")).isFalse();
        assertThat(ACL.mayPublish(BOB, "sensors/bob/temperature")).isTrue();
        assertThat(ACL.maySubscribe(BOB, "sensors/bob/temperature")).isFalse();
    }

    @Test
    void patterns_substituteClientIdAndUserName_forEveryClient() {
        assertThat(ACL.maySubscribe(CAROL, "clients/laptop/inbox")).isTrue();
        assertThat(ACL.maySubscribe(CAROL, "clients/phone/inbox")).isFalse();
        assertThat(ACL.maySubscribe(ANONYMOUS, "clients/anon-1/inbox")).isTrue();
        assertThat(ACL.mayPublish(CAROL, "users/carol/outbox/x/y")).isTrue();
        assertThat(ACL.mayPublish(CAROL, "users/carol/outbox")).isTrue();
        assertThat(ACL.mayPublish(CAROL, "users/alice/outbox/x")).isFalse();
        assertThat(ACL.mayPublish(ALICE, "dev-phone/status")).isTrue();
        assertThat(ACL.mayPublish(ALICE, "dev-phon/status")).isFalse();
        assertThat(ACL.mayPublish(ALICE, "dev-phonex/status")).isFalse();
    }

    @Test
    void patternWithUserName_neverAppliesToAnonymous() {
        assertThat(ACL.mayPublish(ANONYMOUS, "users//outbox/x")).isFalse();
        assertThat(ACL.mayPublish(ANONYMOUS, "users/null/outbox/x")).isFalse();
    }

    @Test
    void pattern_valueWithWildcardOrSlash_doesNotApply() {
        ClientIdentity sneaky = new ClientIdentity("#", "a/b");

        assertThat(ACL.maySubscribe(sneaky, "clients/#/inbox")).isFalse();
        assertThat(ACL.mayPublish(sneaky, "users/a/b/outbox/x")).isFalse();
    }

    @Test
    void patternDeny_appliesPerUser() {
        Acl acl = AclFile.parse(FILE, List.of("pattern shared/#", "pattern deny shared/%u"));

        assertThat(acl.mayPublish(ALICE, "shared/bob")).isTrue();
        assertThat(acl.mayPublish(ALICE, "shared/alice")).isFalse();
        assertThat(acl.maySubscribe(ALICE, "shared/+")).isFalse();
    }

    @Test
    void sys_notReachedByWildcardRules_onlyByExplicitOnes() {
        Acl everything = AclFile.parse(FILE, List.of("topic #"));

        assertThat(everything.maySubscribe(ANONYMOUS, "$SYS/broker/uptime")).isFalse();
        assertThat(everything.mayPublish(ANONYMOUS, "$SYS/x")).isFalse();
        assertThat(everything.maySubscribe(ANONYMOUS, "#")).isTrue();
        assertThat(ACL.maySubscribe(ALICE, "$SYS/broker/+")).isTrue();
        assertThat(ACL.mayPublish(ALICE, "$SYS/broker/x")).isFalse();
    }

    @Test
    void unlistedUser_getsPatternsOnly_everythingElseDenied() {
        assertThat(ACL.maySubscribe(CAROL, "public/news")).isFalse();
        assertThat(ACL.mayPublish(CAROL, "anything")).isFalse();
    }

    @Test
    void emptyFile_deniesEverything() {
        Acl empty = AclFile.parse(FILE, List.of());

        assertThat(empty.mayPublish(ALICE, "a")).isFalse();
        assertThat(empty.maySubscribe(ANONYMOUS, "#")).isFalse();
    }

    @Test
    void filterWithSpaces_isOneFilter() {
        Acl acl = AclFile.parse(FILE, List.of("topic read my topic/x y"));

        assertThat(acl.maySubscribe(ANONYMOUS, "my topic/x y")).isTrue();
    }

    @Test
    void parse_errors_nameFileAndLine() {
        assertThatThrownBy(() -> AclFile.parse(FILE, List.of("user a", "topc read x")))
                .isInstanceOf(SecurityFileException.class)
                .hasMessage("acl.conf line 2: unknown keyword 'topc' (expected user, topic or pattern)");
        assertThatThrownBy(() -> AclFile.parse(FILE, List.of("topic read a/#/b")))
                .hasMessage("acl.conf line 1: 'a/#/b' is not a valid topic filter");
        assertThatThrownBy(() -> AclFile.parse(FILE, List.of("topic read")))
                .hasMessage("acl.conf line 1: 'topic read' has an access but no topic filter");
        assertThatThrownBy(() -> AclFile.parse(FILE, List.of("topic")))
                .hasMessage("acl.conf line 1: 'topic' needs a topic filter");
        assertThatThrownBy(() -> AclFile.parse(FILE, List.of("pattern read a/%x")))
                .hasMessage("acl.conf line 1: 'a/%x': '%' must be followed by u (user name) or c (client id)");
        assertThatThrownBy(() -> AclFile.parse(FILE, List.of("user")))
                .hasMessage("acl.conf line 1: 'user' needs a user name");
        assertThatThrownBy(() -> AclFile.parse(FILE, List.of("user a", "user a")))
                .hasMessage("acl.conf line 2: user 'a' has a section already");
    }
}
