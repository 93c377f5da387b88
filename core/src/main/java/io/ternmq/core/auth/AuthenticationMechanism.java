package io.ternmq.core.auth;

/**
 * One MQTT 5 enhanced-authentication method (section 4.12), such as SCRAM-SHA-256: a challenge/response
 * conversation that the core carries in AUTH packets, between CONNECT and CONNACK or, for re-authentication, on a
 * live connection. The core knows nothing of the method's messages; it moves bytes and acts on the answers.
 */
public interface AuthenticationMechanism {

    /** The Authentication Method clients name in CONNECT and AUTH, compared exactly (case matters). */
    String method();

    /**
     * A new conversation for one exchange. Called on a session thread, so it must return at once; the work
     * belongs in {@link AuthenticationConversation#respond}.
     */
    AuthenticationConversation begin(EnhancedAuthenticationRequest request);
}
