package io.ternmq.core;

import io.ternmq.core.auth.AuthenticationConversation;
import io.ternmq.core.auth.AuthenticationMechanism;
import io.ternmq.core.auth.AuthenticationPurpose;
import io.ternmq.core.auth.AuthenticationResult;
import io.ternmq.core.auth.AuthenticationStep;
import io.ternmq.core.auth.EnhancedAuthenticationRequest;
import io.ternmq.protocol.Auth;
import io.ternmq.protocol.AuthProperties;
import io.ternmq.protocol.ReasonCode;
import org.jspecify.annotations.Nullable;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.function.Function;

/**
 * The enhanced-authentication exchanges (MQTT 5, section 4.12) of one connection that named an Authentication
 * Method in its CONNECT, on the connection's owner thread. Model: MECHANISM (the mechanism is deciding; the
 * client must wait) -> CLIENT (AUTH 0x18 sent; the client's AUTH 0x18 is due) -> MECHANISM ... until the mechanism
 * says success (-> IDLE: authenticated, a re-authentication may start) or refusal (-> ENDED). A client AUTH that
 * does not fit the state is a protocol error and ends the exchange too. What success, refusal and protocol error
 * mean for the connection (CONNACK, AUTH 0x00, DISCONNECT) the {@link Outcome} decides.
 */
final class AuthExchange {

    private enum State { MECHANISM, CLIENT, IDLE, ENDED }

    /** What the connection does with the exchange's results; called on the owner thread. */
    interface Outcome {

        /** The mechanism wants more: send this AUTH 0x18. */
        void challenge(Auth auth);

        /** Authenticated, possibly as {@code user} (null: keep the user name of the CONNECT). */
        void succeeded(AuthenticationPurpose purpose, byte @Nullable [] serverData, @Nullable String user);

        /** Refused by the mechanism, or the mechanism broke ({@code error} not null). */
        void refused(AuthenticationPurpose purpose, AuthenticationResult refusal, String detail,
                     @Nullable Throwable error);

        /** The client broke the AUTH rules. */
        void protocolError(AuthenticationPurpose purpose, String reason);
    }

    private final AuthenticationMechanism mechanism;
    private final Executor owner;
    private final Function<AuthenticationPurpose, EnhancedAuthenticationRequest> requests;
    private final Outcome outcome;
    private State state = State.IDLE;
    private AuthenticationPurpose purpose = AuthenticationPurpose.CONNECT;
    private @Nullable AuthenticationConversation conversation;
    private @Nullable String currentUser;

    /**
     * @param owner    runs the mechanism's answers on the connection's thread, however they complete
     * @param requests describes the connection for a new exchange of the given purpose
     */
    AuthExchange(AuthenticationMechanism mechanism, Executor owner,
                 Function<AuthenticationPurpose, EnhancedAuthenticationRequest> requests, Outcome outcome) {
        this.mechanism = mechanism;
        this.owner = owner;
        this.requests = requests;
        this.outcome = outcome;
    }

    String method() {
        return mechanism.method();
    }

    /** The CONNECT named this exchange's method: the first step, with the CONNECT's Authentication Data. */
    void start(byte @Nullable [] connectData) {
        begin(AuthenticationPurpose.CONNECT, connectData);
    }

    /** Whether an exchange is under way: a CONNECT not yet decided, or a re-authentication. */
    boolean inProgress() {
        return state == State.MECHANISM || state == State.CLIENT;
    }

    /** The connection closed: answers still to come are dropped. */
    void end() {
        state = State.ENDED;
        conversation = null;
    }

    /** An AUTH from the client, in arrival order. */
    void onAuth(Auth auth) {
        if (state == State.ENDED) {
            return;
        }
        String method = auth.properties().authenticationMethod();
        if (!mechanism.method().equals(method)) {
            // [MQTT-4.12.0-5] every AUTH carries the CONNECT's method; [MQTT-4.12.1-1] a re-authentication too
            fail("AUTH with Authentication Method " + (method == null ? "absent" : "'" + method + "'")
                    + ", not the connection's '" + mechanism.method() + "'");
            return;
        }
        byte[] data = auth.properties().authenticationData();
        switch (auth.reasonCode()) {
            case CONTINUE_AUTHENTICATION -> {
                if (state != State.CLIENT) {
                    fail("AUTH 0x18 while no server AUTH awaits an answer"); // [MQTT-4.12.0-3] answers only
                    return;
                }
                step(data);
            }
            case RE_AUTHENTICATE -> {
                if (state != State.IDLE) {
                    fail("AUTH 0x19 while an authentication exchange is under way"); // 4.12.1: after CONNACK only
                    return;
                }
                begin(AuthenticationPurpose.REAUTHENTICATE, data);
            }
            default -> fail("AUTH with reason code " + auth.reasonCode() + " from a client"); // 3.15.2.1: 0x18/0x19
        }
    }

    private void begin(AuthenticationPurpose why, byte @Nullable [] data) {
        purpose = why;
        EnhancedAuthenticationRequest request = requests.apply(why);
        currentUser = request.currentUser();
        try {
            conversation = mechanism.begin(request);
        } catch (RuntimeException e) {
            broken(e);
            return;
        }
        step(data);
    }

    private void step(byte @Nullable [] data) {
        AuthenticationConversation current = Objects.requireNonNull(conversation, "no conversation to step");
        state = State.MECHANISM;
        try {
            current.respond(data).whenComplete((answer, error) -> owner.execute(() -> answered(current, answer,
                    error)));
        } catch (RuntimeException e) {
            broken(e);
        }
    }

    private void answered(AuthenticationConversation from, @Nullable AuthenticationStep answer,
                          @Nullable Throwable error) {
        if (state != State.MECHANISM || from != conversation) {
            return; // the connection ended while the mechanism was deciding
        }
        if (error != null || answer == null) {
            broken(error != null ? error : new IllegalStateException("the mechanism answered null"));
            return;
        }
        switch (answer) {
            case AuthenticationStep.Continue more -> {
                state = State.CLIENT;
                // [MQTT-4.12.0-2] reason code 0x18; [MQTT-4.12.0-5] with the CONNECT's method
                outcome.challenge(new Auth(ReasonCode.CONTINUE_AUTHENTICATION,
                        new AuthProperties(mechanism.method(), more.serverData(), null, List.of())));
            }
            case AuthenticationStep.Success success -> succeeded(success);
            case AuthenticationStep.Failure failure -> {
                end();
                outcome.refused(purpose, failure.refusal(), failure.detail(), null);
            }
        }
    }

    private void succeeded(AuthenticationStep.Success success) {
        String user = success.user();
        if (purpose == AuthenticationPurpose.REAUTHENTICATE && user != null && !user.equals(currentUser)) {
            // 4.12.1: the server may limit what a re-authentication changes; the identity the ACL and the session
            // were granted to stays the same
            end();
            outcome.refused(purpose, AuthenticationResult.NOT_AUTHORIZED,
                    "re-authentication as another user ('" + user + "')", null);
            return;
        }
        state = State.IDLE;
        conversation = null;
        outcome.succeeded(purpose, success.serverData(), user);
    }

    private void broken(Throwable error) {
        end();
        outcome.refused(purpose, AuthenticationResult.NOT_AUTHORIZED, "the authentication mechanism failed", error);
    }

    private void fail(String reason) {
        end();
        outcome.protocolError(purpose, reason);
    }
}
