package io.ternmq.core;

import io.ternmq.protocol.ReasonCode;

/**
 * Sends every new client to another server instead of accepting it (MQTT 5 section 4.11): a 5.0 client gets
 * CONNACK 0x9C (Use another server) or 0x9D (Server moved) with this Server Reference, a 3.1/3.1.1 client, which
 * has no redirection, CONNACK 0x03 (Server unavailable). Connections already open are left alone.
 *
 * @param serverReference where to go, e.g. {@code "mqtt2.example.com:1883"} (its format is not specified by MQTT)
 */
public record ServerRedirect(String serverReference, Kind kind) {

    /** Whether the other server is to be used this time only or from now on. */
    public enum Kind {
        /** 0x9C: use the other server for now, this one may come back. */
        USE_ANOTHER_SERVER(ReasonCode.USE_ANOTHER_SERVER),
        /** 0x9D: this server is gone for good; clients should keep the new address. */
        SERVER_MOVED(ReasonCode.SERVER_MOVED);

        private final ReasonCode reasonCode;

        Kind(ReasonCode reasonCode) {
            this.reasonCode = reasonCode;
        }

        public ReasonCode reasonCode() {
            return reasonCode;
        }
    }

    public ServerRedirect {
        if (serverReference.isEmpty()) {
            throw new IllegalArgumentException("a server reference must not be empty");
        }
    }
}
