package io.ternmq.server.security;

import io.ternmq.core.auth.AuthenticationResult;
import io.ternmq.core.auth.AuthenticationStep;
import io.ternmq.testkit.ScramClient;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

class ScramConversationTest {

    /** RFC 7677 section 3: user "user", password "pencil", 4096 iterations. */
    private static final byte[] RFC_SALT = Base64.getDecoder().decode("W22ZaJ0SNY7soEsUEjb6gQ==");
    private static final String RFC_SERVER_NONCE = "%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0";

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static ScramUsers users() {
        Map<String, StoredPassword> hashes = new LinkedHashMap<>();
        hashes.put("user", ScramCredential.derive(ascii("pencil"), RFC_SALT, 4096));
        hashes.put("old", PasswordHash.create(ascii("pencil"), 10));
        return ScramUsers.of(hashes);
    }

    private static ScramConversation conversation(ScramUsers users) {
        return new ScramConversation(users, () -> RFC_SERVER_NONCE);
    }

    private static AuthenticationStep step(ScramConversation conversation, byte[] data) {
        return conversation.respond(data).toCompletableFuture().join();
    }

    private static byte[] continued(AuthenticationStep step) {
        assertThat(step).isInstanceOf(AuthenticationStep.Continue.class);
        return ((AuthenticationStep.Continue) step).serverData();
    }

    private static void assertRefused(AuthenticationStep step) {
        assertThat(step).isInstanceOfSatisfying(AuthenticationStep.Failure.class,
                failure -> assertThat(failure.refusal()).isEqualTo(AuthenticationResult.NOT_AUTHORIZED));
    }

    @Test
    void rfc7677Example_everyMessage_byteForByte() {
        ScramConversation conversation = conversation(users());

        byte[] serverFirst = continued(step(conversation, ascii("n,,n=user,r=rOprNGfwEbeRWgbNEkqO")));
        AuthenticationStep last = step(conversation, ascii("c=biws,r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNl"
                + "F$k0,p=dHzbZapWIk4jUhN+Ute9ytag9zjfMHgsqmmiz7AndVQ="));

        assertThat(new String(serverFirst, StandardCharsets.UTF_8)).isEqualTo(
                "r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096");
        assertThat(last).isInstanceOfSatisfying(AuthenticationStep.Success.class, success -> {
            assertThat(success.user()).isEqualTo("user");
            assertThat(new String(success.serverData(), StandardCharsets.UTF_8))
                    .isEqualTo("v=6rriTRBi23WpRR/wtup+mMhUZUn/dB5nLTJRsjl95G4=");
        });
    }

    @Test
    void independentClient_rightPassword_successAndServerSignatureVerifies() {
        ScramConversation conversation = new ScramConversation(users(), () -> "SERVERnonce+/=");
        ScramClient client = new ScramClient("user", "pencil", "clientNonce123");

        byte[] serverFirst = continued(step(conversation, client.clientFirst()));
        AuthenticationStep last = step(conversation, client.clientFinal(serverFirst));

        assertThat(last).isInstanceOfSatisfying(AuthenticationStep.Success.class,
                success -> assertThat(client.verifyServerFinal(success.serverData())).isTrue());
    }

    @Test
    void wrongPassword_notAuthorizedAfterTheFinalMessage() {
        ScramConversation conversation = conversation(users());
        ScramClient client = new ScramClient("user", "pen", "n1");

        byte[] serverFirst = continued(step(conversation, client.clientFirst()));

        assertRefused(step(conversation, client.clientFinal(serverFirst)));
    }

    @Test
    void unknownUser_answeredLikeAKnownOne_thenRefused() {
        ScramUsers users = users();
        String known = new String(continued(step(conversation(users), ascii("n,,n=user,r=abc"))),
                StandardCharsets.UTF_8);
        String unknown = new String(continued(step(conversation(users), ascii("n,,n=mallory,r=abc"))),
                StandardCharsets.UTF_8);
        String unknownAgain = new String(continued(step(conversation(users), ascii("n,,n=mallory,r=abc"))),
                StandardCharsets.UTF_8);
        String otherUnknown = new String(continued(step(conversation(users), ascii("n,,n=eve,r=abc"))),
                StandardCharsets.UTF_8);

        // RFC 5802 section 5.1: a made-up salt of the same shape, the same at every attempt, and the same count
        String shape = "r=abc" + Pattern.quote(RFC_SERVER_NONCE)
                + ",s=[A-Za-z0-9+/]{22}==,i=4096";
        assertThat(known).matches(shape);
        assertThat(unknown).matches(shape).isEqualTo(unknownAgain).isNotEqualTo(otherUnknown);

        ScramConversation conversation = conversation(users);
        ScramClient client = new ScramClient("mallory", "pencil", "abc");
        byte[] serverFirst = continued(step(conversation, client.clientFirst()));
        assertRefused(step(conversation, client.clientFinal(serverFirst)));
    }

    @Test
    void userWithANonScramHash_rightPassword_refusedLikeAnUnknownUser() {
        ScramConversation conversation = conversation(users());
        ScramClient client = new ScramClient("old", "pencil", "n1");

        byte[] serverFirst = continued(step(conversation, client.clientFirst()));

        assertThat(new String(serverFirst, StandardCharsets.UTF_8)).contains(",i=4096");
        assertRefused(step(conversation, client.clientFinal(serverFirst)));
    }

    @Test
    void finalMessage_nonceNotTheServers_refused() {
        ScramConversation conversation = conversation(users());
        continued(step(conversation, ascii("n,,n=user,r=rOprNGfwEbeRWgbNEkqO")));

        // the client nonce alone, without the server's part
        assertRefused(step(conversation, ascii("c=biws,r=rOprNGfwEbeRWgbNEkqO,"
                + "p=dHzbZapWIk4jUhN+Ute9ytag9zjfMHgsqmmiz7AndVQ=")));
    }

    @Test
    void finalMessage_channelBindingNotTheHeader_refused() {
        ScramConversation conversation = conversation(users());
        continued(step(conversation, ascii("n,,n=user,r=rOprNGfwEbeRWgbNEkqO")));

        // c=eSws is base64 of "y,," while the client-first header was "n,,"
        assertRefused(step(conversation, ascii("c=eSws,r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,"
                + "p=dHzbZapWIk4jUhN+Ute9ytag9zjfMHgsqmmiz7AndVQ=")));
    }

    @Test
    void flagY_andAuthzidOfTheSameUser_accepted() {
        ScramConversation conversation = conversation(users());
        ScramClient reference = new ScramClient("user", "pencil", "n1");
        String bare = reference.clientFirstBare();

        byte[] serverFirst = continued(step(conversation, ascii("y,a=user," + bare)));

        assertThat(new String(serverFirst, StandardCharsets.UTF_8)).startsWith("r=n1" + RFC_SERVER_NONCE + ",");
    }

    @Test
    void noData_refused() {
        assertRefused(step(conversation(users()), null));
    }

    @Test
    void malformedFirstMessage_refusedAtOnce() {
        assertRefused(step(conversation(users()), ascii("n,,r=abc,n=user")));
    }

    @Test
    void thirdMessage_afterTheExchangeEnded_refused() {
        ScramConversation conversation = conversation(users());
        ScramClient client = new ScramClient("user", "pencil", "n1");
        byte[] serverFirst = continued(step(conversation, client.clientFirst()));
        byte[] clientFinal = client.clientFinal(serverFirst);
        assertThat(step(conversation, clientFinal)).isInstanceOf(AuthenticationStep.Success.class);

        assertRefused(step(conversation, clientFinal));
    }
}
