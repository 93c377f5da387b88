package io.ternmq.core.auth;

import org.jspecify.annotations.Nullable;

import java.util.Objects;

/** What an enhanced-authentication method answers to one message of the client. */
public sealed interface AuthenticationStep {

    /** More is needed: the core sends AUTH 0x18 with this data and waits for the client's next AUTH. */
    record Continue(byte[] serverData) implements AuthenticationStep {
        public Continue {
            serverData = serverData.clone();
        }

        @Override
        public byte[] serverData() {
            return serverData.clone();
        }
    }

    /**
     * Authenticated: the core sends CONNACK 0x00 (or AUTH 0x00 after a re-authentication) with the method and,
     * when not null, this final data. {@code user} is the name authorization sees from now on (the ACL's user);
     * null keeps the CONNECT's user name.
     */
    record Success(byte @Nullable [] serverData, @Nullable String user) implements AuthenticationStep {
        public Success {
            serverData = serverData == null ? null : serverData.clone();
        }

        @Override
        public byte @Nullable [] serverData() {
            return serverData == null ? null : serverData.clone();
        }
    }

    /**
     * Refused: a CONNACK with the refusal's reason code (0x86 or 0x87) during CONNECT; after a re-authentication a
     * DISCONNECT 0x87, as DISCONNECT has no 0x86. {@code detail} is for the broker's log, never sent.
     */
    record Failure(AuthenticationResult refusal, String detail) implements AuthenticationStep {
        public Failure {
            Objects.requireNonNull(detail, "detail");
            if (refusal == AuthenticationResult.ALLOWED) {
                throw new IllegalArgumentException("a failure needs a refusal, not ALLOWED");
            }
        }
    }
}
