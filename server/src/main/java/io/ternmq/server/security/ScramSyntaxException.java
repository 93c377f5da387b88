package io.ternmq.server.security;

/** A SCRAM message that breaks the grammar of RFC 5802 section 7, or asks for what we do not offer. */
final class ScramSyntaxException extends Exception {

    private static final long serialVersionUID = 1L;

    ScramSyntaxException(String problem) {
        super(problem, null, false, false); // a refusal, not a bug: no stack trace to fill
    }
}
