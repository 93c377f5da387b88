package io.ternmq.core.auth;

/** The outcome of authentication; each refusal maps to its CONNACK return code. */
public enum AuthenticationResult {
    ALLOWED,
    BAD_USERNAME_OR_PASSWORD,
    NOT_AUTHORIZED,
    /**
     * The client identifier is not acceptable (e.g. outside the operator's naming scheme): CONNACK 0x85 Client
     * Identifier not valid in 5.0, return code 0x02 Identifier rejected in 3.1/3.1.1 [MQTT-3.1.3-8].
     */
    CLIENT_IDENTIFIER_REJECTED
}
