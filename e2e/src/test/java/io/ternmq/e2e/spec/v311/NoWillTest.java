package io.ternmq.e2e.spec.v311;

import io.ternmq.e2e.BrokerExtension;
import io.ternmq.e2e.Flows;
import io.ternmq.testkit.RawMqttClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A connection without a will publishes nothing when it ends; a broker of its own so "#" sees only this test. */
class NoWillTest {

    @RegisterExtension
    final BrokerExtension broker = BrokerExtension.withDefaults();

    @Test
    void noWill_abruptClose_publishesNothing() {
        // [MQTT-3.1.2-12] [MQTT-3.1.2-11]
        RawMqttClient watcher = broker.subscriber("nw-watch", "#", 0);
        broker.connected("nw-client").close();
        broker.awaitConnectedClients(1);
        Flows.expectMarkerNext(watcher, broker.connected("nw-pub"), "nw/marker");
    }
}
