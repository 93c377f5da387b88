package io.ternmq.e2e.robustness;

import io.ternmq.server.Broker;
import io.ternmq.testkit.RawMqttClient;
import org.junit.jupiter.api.Test;

import java.time.Duration;

/** A stopping broker tells its MQTT 5 clients why they are dropped, and its MQTT 3.1.1 clients just see the close. */
class ShutdownDisconnectTest {

    /** CONNECT, level 5, Clean Start, keep-alive 60, no properties, client id "c5". */
    private static final String CONNECT_V5 = "10 0f 00 04 4d 51 54 54 05 02 00 3c 00 00 02 63 35";
    /** CONNECT, level 4, clean session, keep-alive 60, client id "c4". */
    private static final String CONNECT_V311 = "10 0e 00 04 4d 51 54 54 04 02 00 3c 00 02 63 34";

    @Test
    void close_mqtt5ClientGetsDisconnect8BThenClose_mqtt311ClientOnlyTheClose() {
        Broker broker = Broker.builder().bind("127.0.0.1").port(0).start();
        try (RawMqttClient v5 = RawMqttClient.connect("127.0.0.1", broker.port());
             RawMqttClient v311 = RawMqttClient.connect("127.0.0.1", broker.port())) {
            v5.send(CONNECT_V5);
            v5.readPacket(); // CONNACK
            v311.send(CONNECT_V311).expectBytes("20 02 00 00");

            broker.close();

            // DISCONNECT, remaining length 1, reason code 0x8B Server shutting down, no properties
            v5.expectBytes("e0 01 8b");
            v5.expectClosed(Duration.ofSeconds(5));
            v311.expectClosed(Duration.ofSeconds(5));
        } finally {
            broker.close();
        }
    }
}
