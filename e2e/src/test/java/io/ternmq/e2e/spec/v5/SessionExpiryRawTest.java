package io.ternmq.e2e.spec.v5;

import io.ternmq.e2e.BrokerExtension;
import io.ternmq.testkit.RawMqttClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/** Session expiry and DISCONNECT, byte for byte (3.1.2.11.2, 3.2.2.1.1, 3.14.2.2.2). */
class SessionExpiryRawTest {

    @RegisterExtension
    final BrokerExtension broker = BrokerExtension.withDefaults();

    /** CONNECT, level 5, Clean Start 1, keep-alive 60, no properties (session expiry 0), client id "rx". */
    private static final String CONNECT_EXPIRY_0 = "10 0f 00 04 4d 51 54 54 05 02 00 3c 00 00 02 72 78";
    /** The same with properties: Session Expiry Interval (0x11) 60. */
    private static final String CONNECT_EXPIRY_60 = "10 14 00 04 4d 51 54 54 05 02 00 3c 05 11 00 00 00 3c 00 02 72 78";
    /** CONNECT, level 5, Clean Start 0, keep-alive 60, Session Expiry Interval 60, client id "rx". */
    private static final String RESUME_EXPIRY_60 = "10 14 00 04 4d 51 54 54 05 00 00 3c 05 11 00 00 00 3c 00 02 72 78";
    /** DISCONNECT, reason 0x00, properties: Session Expiry Interval (0x11) 30. */
    private static final String DISCONNECT_EXPIRY_30 = "e0 07 00 05 11 00 00 00 1e";
    /** DISCONNECT, reason 0x00, properties: Session Expiry Interval 0. */
    private static final String DISCONNECT_EXPIRY_0 = "e0 07 00 05 11 00 00 00 00";

    /** Connects and returns the CONNACK's Connect Acknowledge Flags after checking reason code 0x00. */
    private int connackFlags(RawMqttClient client, String connect) {
        byte[] connack = client.send(connect).readPacket();
        assertThat(connack[0]).isEqualTo((byte) 0x20);
        assertThat(connack[3]).as("reason code").isZero(); // [MQTT-3.1.4-5]
        return connack[2];
    }

    @Test
    void disconnect_sessionExpiryAfterZeroAtConnect_disconnect82ThenClose() {
        // 3.14.2.2.2: non-zero after 0 in CONNECT is a Protocol Error; [MQTT-4.13.1-1] DISCONNECT with its code
        RawMqttClient client = broker.raw();
        connackFlags(client, CONNECT_EXPIRY_0);

        client.send(DISCONNECT_EXPIRY_30);

        // DISCONNECT, remaining length 1, reason code 0x82 Protocol Error; no Session Expiry from the server
        // [MQTT-3.14.2-2]
        client.expectBytes("e0 01 82");
        client.expectClosed();
    }

    @Test
    void disconnect_sessionExpiryZero_sessionGoneAtOnce() {
        RawMqttClient client = broker.raw();
        assertThat(connackFlags(client, CONNECT_EXPIRY_60)).isZero(); // [MQTT-3.2.2-2]
        client.send(DISCONNECT_EXPIRY_0).expectClosed();

        // [MQTT-3.2.2-3] Session Present 0: nothing was kept
        assertThat(connackFlags(broker.raw(), RESUME_EXPIRY_60)).isZero();
    }

    @Test
    void connect_cleanStart0WithinExpiry_sessionPresent1() {
        // [MQTT-3.1.2-5] [MQTT-3.2.2-3] [MQTT-3.1.2-23]
        RawMqttClient client = broker.raw();
        connackFlags(client, CONNECT_EXPIRY_60);
        client.close();
        broker.awaitConnectedClients(0);

        assertThat(connackFlags(broker.raw(), RESUME_EXPIRY_60)).isEqualTo(1);
    }

    @Test
    void connect_expiryZeroThenResume_sessionPresent0() {
        // 3.1.2.11.2 expiry 0: the session ended with the network connection
        RawMqttClient client = broker.raw();
        connackFlags(client, CONNECT_EXPIRY_0);
        client.close();
        broker.awaitConnectedClients(0);

        assertThat(connackFlags(broker.raw(), RESUME_EXPIRY_60)).isZero();
    }
}
