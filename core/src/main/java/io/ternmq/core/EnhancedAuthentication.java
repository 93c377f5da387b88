package io.ternmq.core;

import io.ternmq.core.auth.AuthenticationMechanism;
import io.ternmq.core.auth.AuthenticationPurpose;
import io.ternmq.core.auth.AuthenticationResult;
import io.ternmq.core.auth.EnhancedAuthenticationRequest;
import io.ternmq.protocol.Auth;
import io.ternmq.protocol.AuthProperties;
import io.ternmq.protocol.Connect;
import io.ternmq.protocol.ConnectReturnCode;
import io.ternmq.protocol.Disconnect;
import io.ternmq.protocol.MqttPacket;
import io.ternmq.protocol.ProtocolVersion;
import io.ternmq.protocol.ReasonCode;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;

/**
 * MQTT 5 enhanced authentication (section 4.12) for one connection whose CONNECT named an Authentication Method:
 * what the {@link AuthExchange}'s results mean on the wire. Before the CONNACK: AUTH 0x18 challenges, then
 * CONNACK 0x00 with the method, or a refusing CONNACK (0x8C unknown method, the mechanism's 0x86/0x87, 0x82 for
 * a protocol error). After it: re-authentication ends with AUTH 0x00, or DISCONNECT 0x87 / 0x82.
 */
final class EnhancedAuthentication implements AuthExchange.Outcome {

    private static final Logger LOG = LoggerFactory.getLogger(EnhancedAuthentication.class);
    /**
     * How long the client may stay silent while an exchange before the CONNACK awaits its answer; without it a
     * client could hold a half-authenticated connection forever. Re-authentication runs under the keep-alive.
     */
    static final Duration EXCHANGE_IDLE_TIMEOUT = Duration.ofSeconds(60);

    private final Connection connection;
    private final BrokerContext broker;
    private @Nullable AuthExchange exchange;

    private EnhancedAuthentication(Connection connection, BrokerContext broker) {
        this.connection = connection;
        this.broker = broker;
    }

    /** Whether the CONNECT asks for enhanced authentication: an MQTT 5 CONNECT with a method (or, wrongly, data). */
    static boolean requested(Connect connect) {
        return connect.version() == ProtocolVersion.MQTT_5 && (connect.properties().authenticationMethod() != null
                || connect.properties().authenticationData() != null);
    }

    /** Starts the exchange of the CONNECT, or refuses it at once. */
    static EnhancedAuthentication start(Connection connection, BrokerContext broker) {
        EnhancedAuthentication enhanced = new EnhancedAuthentication(connection, broker);
        Connect connect = connection.connect();
        String method = connect.properties().authenticationMethod();
        if (method == null) {
            // 3.1.2.11.10: Authentication Data without an Authentication Method is a Protocol Error
            enhanced.refuse(ReasonCode.PROTOCOL_ERROR, "Authentication Data without Authentication Method");
            return enhanced;
        }
        AuthenticationMechanism mechanism = broker.authenticator().mechanisms().find(method);
        if (mechanism == null) {
            // [MQTT-4.12.0-1] an unsupported method: CONNACK 0x8C Bad authentication method, then close
            enhanced.refuse(ReasonCode.BAD_AUTHENTICATION_METHOD, "unsupported Authentication Method");
            return enhanced;
        }
        AuthExchange exchange = new AuthExchange(mechanism, connection.owner()::execute, enhanced::request, enhanced);
        enhanced.exchange = exchange;
        connection.channel().keepAliveTimeout(EXCHANGE_IDLE_TIMEOUT);
        exchange.start(connect.properties().authenticationData());
        return enhanced;
    }

    /**
     * A packet before the CONNACK. Only AUTH and DISCONNECT may come [MQTT-3.1.2-30]; anything else is a protocol
     * error, refused with CONNACK 0x82 (a DISCONNECT may not precede the CONNACK [MQTT-3.2.0-1]).
     */
    void beforeConnack(MqttPacket packet) {
        switch (packet) {
            case Auth auth -> {
                if (exchange != null) {
                    exchange.onAuth(auth);
                }
            }
            case Disconnect disconnect -> connection.close(Connection.Ending.NORMAL, DisconnectReason.CLIENT_DISCONNECT,
                    "DISCONNECT during enhanced authentication");
            default -> refuse(ReasonCode.PROTOCOL_ERROR, packet.type() + " during enhanced authentication");
        }
    }

    /**
     * An AUTH after the CONNACK: a re-authentication step, or, on a connection that did not use enhanced
     * authentication, a protocol error [MQTT-4.12.0-7].
     */
    static void afterConnack(Connection connection, Auth auth) {
        EnhancedAuthentication enhanced = connection.enhancedAuthentication();
        if (enhanced == null || enhanced.exchange == null) {
            connection.violation("AUTH on a connection without enhanced authentication"); // [MQTT-4.12.0-7]
            return;
        }
        enhanced.exchange.onAuth(auth);
    }

    /** The connection closed: a mechanism still deciding is not listened to any more. */
    void end() {
        if (exchange != null) {
            exchange.end();
        }
    }

    private EnhancedAuthenticationRequest request(AuthenticationPurpose purpose) {
        ClientChannel channel = connection.channel();
        return new EnhancedAuthenticationRequest(exchangeMethod(), purpose, connection.clientId(),
                purpose == AuthenticationPurpose.CONNECT ? null : connection.identity().username(),
                channel.remoteAddress(), channel.listener().listenerName(), channel.listener().certificateIdentity());
    }

    private String exchangeMethod() {
        AuthExchange current = exchange;
        return current == null ? "" : current.method();
    }

    @Override
    public void challenge(Auth auth) {
        connection.channel().send(auth); // [MQTT-3.2.0-1] AUTH is the one packet allowed before the CONNACK
    }

    @Override
    public void succeeded(AuthenticationPurpose purpose, byte @Nullable [] serverData, @Nullable String user) {
        if (purpose == AuthenticationPurpose.CONNECT) {
            connection.acceptAuthenticated(new Mqtt5Connack.Authentication(exchangeMethod(), serverData), user);
            return;
        }
        LOG.info("client {} re-authenticated from {} ({})", connection.clientId(),
                connection.channel().remoteAddress(), exchangeMethod());
        // 4.12.1: success ends with AUTH 0x00; [MQTT-4.12.0-5] it carries the method
        connection.channel().send(new Auth(ReasonCode.SUCCESS,
                new AuthProperties(exchangeMethod(), serverData, null, List.of())));
    }

    @Override
    public void refused(AuthenticationPurpose purpose, AuthenticationResult refusal, String detail,
                        @Nullable Throwable error) {
        if (error != null) {
            LOG.warn("authentication mechanism {} failed for client {} from {}", exchangeMethod(),
                    connection.clientId(), connection.channel().remoteAddress(), error);
        }
        if (connection.isConnected()) {
            // [MQTT-4.12.1-2] a failed re-authentication closes the connection, after a DISCONNECT: 0x87, as
            // DISCONNECT has no 0x86
            connection.close(Connection.Ending.ABNORMAL, DisconnectReason.REAUTHENTICATION_FAILED,
                    "re-authentication failed: " + detail);
            return;
        }
        ReasonCode code = error != null ? ReasonCode.SERVER_UNAVAILABLE
                : refusal == AuthenticationResult.BAD_USERNAME_OR_PASSWORD ? ReasonCode.BAD_USER_NAME_OR_PASSWORD
                : ReasonCode.NOT_AUTHORIZED;
        refuse(code, detail); // [MQTT-4.12.0-4] a refusing CONNACK, then the close
    }

    @Override
    public void protocolError(AuthenticationPurpose purpose, String reason) {
        if (connection.isConnected()) {
            connection.violation(reason); // DISCONNECT 0x82
            return;
        }
        refuse(ReasonCode.PROTOCOL_ERROR, reason);
    }

    private void refuse(ReasonCode code, String detail) {
        end();
        if (code == ReasonCode.PROTOCOL_ERROR) {
            broker.stats().protocolViolations.increment();
        }
        connection.refuse(code, countedAs(code), detail);
    }

    /** The CONNACK counters are by 3.1.1 return code; the 5.0-only refusals count under the nearest one. */
    private static ConnectReturnCode countedAs(ReasonCode code) {
        return switch (code) {
            case BAD_USER_NAME_OR_PASSWORD -> ConnectReturnCode.BAD_USERNAME_OR_PASSWORD;
            case SERVER_UNAVAILABLE -> ConnectReturnCode.SERVER_UNAVAILABLE;
            default -> ConnectReturnCode.NOT_AUTHORIZED;
        };
    }
}
