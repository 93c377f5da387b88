package io.ternmq.core;

import io.ternmq.core.auth.AuthenticationPurpose;
import io.ternmq.core.auth.AuthenticationResult;
import io.ternmq.core.auth.AuthenticationStep;
import io.ternmq.core.auth.EnhancedAuthenticationRequest;
import io.ternmq.protocol.Auth;
import io.ternmq.protocol.AuthProperties;
import io.ternmq.protocol.ReasonCode;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

/** The enhanced-authentication state machine alone, with a scripted mechanism and a recording outcome. */
class AuthExchangeTest {

    private final FakeMechanism mechanism = new FakeMechanism("FAKE");
    private final ManualExecutor owner = new ManualExecutor();
    private final List<String> events = new ArrayList<>();
    private final AuthExchange exchange = new AuthExchange(mechanism, owner,
            purpose -> new EnhancedAuthenticationRequest("FAKE", purpose, "c1",
                    purpose == AuthenticationPurpose.CONNECT ? null : "alice", "peer", "tcp", null),
            new AuthExchange.Outcome() {
                @Override
                public void challenge(Auth auth) {
                    events.add("AUTH " + auth.reasonCode() + " " + auth.properties().authenticationMethod() + " "
                            + text(auth.properties().authenticationData()));
                }

                @Override
                public void succeeded(AuthenticationPurpose purpose, byte @Nullable [] serverData,
                                      @Nullable String user) {
                    events.add("success " + purpose + " " + text(serverData) + " " + user);
                }

                @Override
                public void refused(AuthenticationPurpose purpose, AuthenticationResult refusal, String detail,
                                    @Nullable Throwable error) {
                    events.add("refused " + purpose + " " + refusal + (error == null ? "" : " broken"));
                }

                @Override
                public void protocolError(AuthenticationPurpose purpose, String reason) {
                    events.add("protocol error");
                }
            });

    private static String text(byte @Nullable [] data) {
        return data == null ? "-" : new String(data, StandardCharsets.UTF_8);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static Auth auth(ReasonCode code, @Nullable String method, @Nullable String data) {
        return new Auth(code, new AuthProperties(method, data == null ? null : bytes(data), null, List.of()));
    }

    private static AuthenticationStep.Continue more(String data) {
        return new AuthenticationStep.Continue(bytes(data));
    }

    private void authenticate() {
        mechanism.then(new AuthenticationStep.Success(bytes("final"), "alice"));
        exchange.start(bytes("hello"));
        owner.runAll();
        events.clear();
    }

    @Test
    void connect_continueThenSuccess_challengeCarriesMethodThenSucceeds() {
        mechanism.then(more("challenge")).then(new AuthenticationStep.Success(bytes("final"), "alice"));

        exchange.start(bytes("hello"));
        owner.runAll();
        exchange.onAuth(auth(ReasonCode.CONTINUE_AUTHENTICATION, "FAKE", "response"));
        owner.runAll();

        // [MQTT-4.12.0-2] the server's AUTH carries 0x18; [MQTT-4.12.0-5] and the CONNECT's method
        assertThat(events).containsExactly("AUTH CONTINUE_AUTHENTICATION FAKE challenge",
                "success CONNECT final alice");
        assertThat(mechanism.received).containsExactly("hello", "response");
        assertThat(exchange.inProgress()).isFalse();
    }

    @Test
    void answer_completesOnAnotherThread_handledOnTheOwner() {
        CompletableFuture<AuthenticationStep> answer = mechanism.later();
        exchange.start(null);

        answer.complete(more("x"));

        assertThat(events).isEmpty();
        owner.runAll();
        assertThat(events).containsExactly("AUTH CONTINUE_AUTHENTICATION FAKE x");
        assertThat(mechanism.received).containsExactly("(none)");
    }

    @Test
    void clientAuth_whileTheMechanismDecides_protocolError() {
        CompletableFuture<AuthenticationStep> answer = mechanism.later();
        exchange.start(bytes("hello"));

        exchange.onAuth(auth(ReasonCode.CONTINUE_AUTHENTICATION, "FAKE", "too early"));
        answer.complete(new AuthenticationStep.Success(null, "alice"));
        owner.runAll();

        // the late answer is dropped: the exchange ended with the protocol error
        assertThat(events).containsExactly("protocol error");
    }

    @Test
    void clientAuth_otherOrNoMethod_protocolError() {
        mechanism.then(more("c"));
        exchange.start(null);
        owner.runAll();

        exchange.onAuth(auth(ReasonCode.CONTINUE_AUTHENTICATION, "OTHER", "r"));

        // [MQTT-4.12.0-5] every AUTH carries the CONNECT's method
        assertThat(events).containsExactly("AUTH CONTINUE_AUTHENTICATION FAKE c", "protocol error");
        exchange.onAuth(auth(ReasonCode.CONTINUE_AUTHENTICATION, "FAKE", "r"));
        assertThat(events).hasSize(2);
    }

    @Test
    void clientAuth_withoutMethod_protocolError() {
        authenticate();

        exchange.onAuth(auth(ReasonCode.RE_AUTHENTICATE, null, "r"));

        assertThat(events).containsExactly("protocol error");
    }

    @Test
    void reauthenticate_duringTheConnectExchange_protocolError() {
        mechanism.then(more("c"));
        exchange.start(null);
        owner.runAll();

        exchange.onAuth(auth(ReasonCode.RE_AUTHENTICATE, "FAKE", "r"));

        assertThat(events).containsExactly("AUTH CONTINUE_AUTHENTICATION FAKE c", "protocol error");
    }

    @Test
    void successFromTheClient_protocolError() {
        authenticate();

        exchange.onAuth(auth(ReasonCode.SUCCESS, "FAKE", null));

        // 3.15.2.1: 0x00 is the server's to send
        assertThat(events).containsExactly("protocol error");
    }

    @Test
    void continue_withoutAPendingChallenge_protocolError() {
        authenticate();

        exchange.onAuth(auth(ReasonCode.CONTINUE_AUTHENTICATION, "FAKE", "r"));

        assertThat(events).containsExactly("protocol error");
    }

    @Test
    void mechanismRefuses_refusedWithItsReason() {
        mechanism.then(new AuthenticationStep.Failure(AuthenticationResult.BAD_USERNAME_OR_PASSWORD, "wrong"));

        exchange.start(bytes("hello"));
        owner.runAll();

        assertThat(events).containsExactly("refused CONNECT BAD_USERNAME_OR_PASSWORD");
    }

    @Test
    void mechanismFails_refusedAsBroken() {
        mechanism.later().completeExceptionally(new IllegalStateException("directory down"));

        exchange.start(bytes("hello"));
        owner.runAll();

        assertThat(events).containsExactly("refused CONNECT NOT_AUTHORIZED broken");
    }

    @Test
    void reauthenticate_afterSuccess_runsASecondExchange() {
        authenticate();
        mechanism.then(more("again")).then(new AuthenticationStep.Success(bytes("ok"), "alice"));

        exchange.onAuth(auth(ReasonCode.RE_AUTHENTICATE, "FAKE", "re"));
        owner.runAll();
        exchange.onAuth(auth(ReasonCode.CONTINUE_AUTHENTICATION, "FAKE", "proof"));
        owner.runAll();

        assertThat(events).containsExactly("AUTH CONTINUE_AUTHENTICATION FAKE again",
                "success REAUTHENTICATE ok alice");
        assertThat(mechanism.requests.getLast().purpose()).isEqualTo(AuthenticationPurpose.REAUTHENTICATE);
        assertThat(mechanism.requests.getLast().currentUser()).isEqualTo("alice");
    }

    @Test
    void reauthenticate_asAnotherUser_refused() {
        authenticate();
        mechanism.then(new AuthenticationStep.Success(null, "mallory"));

        exchange.onAuth(auth(ReasonCode.RE_AUTHENTICATE, "FAKE", "re"));
        owner.runAll();

        assertThat(events).containsExactly("refused REAUTHENTICATE NOT_AUTHORIZED");
    }

    @Test
    void end_beforeTheAnswer_answerDropped() {
        CompletableFuture<AuthenticationStep> answer = mechanism.later();
        exchange.start(bytes("hello"));

        exchange.end();
        answer.complete(more("late"));
        owner.runAll();
        exchange.onAuth(auth(ReasonCode.CONTINUE_AUTHENTICATION, "FAKE", "r"));

        assertThat(events).isEmpty();
    }
}
