package io.ternmq.core;

import io.ternmq.protocol.Disconnect;

/**
 * The Session Expiry Interval of an MQTT 5 client's DISCONNECT (3.14.2.2.2): it replaces the one of the CONNECT,
 * except that a session whose CONNECT said 0 (or nothing) cannot be given one now: that is a protocol error.
 */
final class DisconnectExpiry {

    private DisconnectExpiry() {
    }

    /** Applies the DISCONNECT's interval; false when it was a protocol error and the connection is closed (0x82). */
    static boolean accepted(Connection connection, Disconnect disconnect) {
        Long requested = disconnect.properties().sessionExpiryInterval();
        if (requested == null || !connection.isMqtt5()) {
            return true;
        }
        Long atConnect = connection.connect().properties().sessionExpiryInterval();
        if ((atConnect == null || atConnect == 0) && requested != 0) {
            // 3.14.2.2.2 a session expiry of 0 at CONNECT cannot become non-zero at DISCONNECT
            connection.violation("DISCONNECT sets a session expiry interval after 0 at CONNECT");
            return false;
        }
        Mqtt5ConnectPolicy policy = connection.session().broker().config().mqtt5().connectPolicy();
        connection.session().expiry().interval(policy.sessionExpiry(requested)); // the configured maximum holds
        return true;
    }
}
