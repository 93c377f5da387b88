package io.ternmq.core;

import io.ternmq.protocol.Connack;
import io.ternmq.protocol.ConnackProperties;
import io.ternmq.protocol.ConnectReturnCode;
import io.ternmq.protocol.ProtocolVersion;
import io.ternmq.protocol.ReasonCode;

import java.util.List;

/**
 * The CONNACK that refuses a connection, in the client's protocol version: a 3.1/3.1.1 return code, or the MQTT 5
 * reason code of the same meaning. Session Present is always 0 [MQTT-3.2.2-4] [MQTT-3.2.2-6].
 */
final class ConnectRefusal {

    private ConnectRefusal() {
    }

    static Connack connack(ProtocolVersion version, ConnectReturnCode code) {
        if (version != ProtocolVersion.MQTT_5) {
            return new Connack(false, code);
        }
        return new Connack(false, reasonCode(code), ConnackProperties.EMPTY); // [MQTT-3.2.2-8]
    }

    /**
     * A redirect: 5.0 CONNACK 0x9C or 0x9D with the Server Reference (section 4.11); 3.1.1 has no redirection, so
     * Server unavailable.
     */
    static Connack redirect(ProtocolVersion version, ServerRedirect redirect) {
        if (version != ProtocolVersion.MQTT_5) {
            return new Connack(false, ConnectReturnCode.SERVER_UNAVAILABLE);
        }
        var properties = new ConnackProperties(null, null, null, null, null, null, null, null, List.of(), null, null,
                null, null, null, redirect.serverReference(), null, null);
        return new Connack(false, redirect.kind().reasonCode(), properties);
    }

    static ReasonCode reasonCode(ConnectReturnCode code) {
        return switch (code) {
            case ACCEPTED -> ReasonCode.SUCCESS;
            case UNACCEPTABLE_PROTOCOL_VERSION -> ReasonCode.UNSUPPORTED_PROTOCOL_VERSION;
            case IDENTIFIER_REJECTED -> ReasonCode.CLIENT_IDENTIFIER_NOT_VALID;
            case SERVER_UNAVAILABLE -> ReasonCode.SERVER_UNAVAILABLE;
            case BAD_USERNAME_OR_PASSWORD -> ReasonCode.BAD_USER_NAME_OR_PASSWORD;
            case NOT_AUTHORIZED -> ReasonCode.NOT_AUTHORIZED;
        };
    }
}
