package io.ternmq.e2e.spec.v311;

import io.ternmq.e2e.BrokerExtension;
import io.ternmq.testkit.RawMqttClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** PINGREQ/PINGRESP and DISCONNECT (sections 3.12 to 3.14). */
class PingDisconnectTest {

    @RegisterExtension
    static final BrokerExtension broker = BrokerExtension.withDefaults();

    @Test
    void pingreq_eachOne_answeredWithPingresp() {
        // [MQTT-3.12.4-1]
        RawMqttClient client = broker.connected("pd-ping");
        client.send("c0 00").expectBytes("d0 00");
        client.send("c0 00 c0 00").expectBytes("d0 00 d0 00");
    }

    @Test
    void disconnect_valid_brokerClosesConnection() {
        // [MQTT-3.14.4-3] the DISCONNECT ends the connection normally (the will test covers the discarded will)
        broker.connected("pd-disconnect").send("e0 00").expectClosed();
    }
}
