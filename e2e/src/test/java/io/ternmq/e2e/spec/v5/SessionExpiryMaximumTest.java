package io.ternmq.e2e.spec.v5;

import com.hivemq.client.mqtt.mqtt5.message.connect.connack.Mqtt5ConnAck;
import io.ternmq.e2e.BrokerExtension;
import io.ternmq.e2e.spec.v5.V5Clients.Client;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A broker configured with a maximum session expiry (mqtt.max_session_expiry) tells the client and holds to it. */
class SessionExpiryMaximumTest {

    @RegisterExtension
    final BrokerExtension broker = BrokerExtension.with(b -> b.maxSessionExpiry(1));

    @Test
    void connack_clientAskedForMore_toldTheMaximumAndSessionExpiresThen() {
        // 3.2.2.3.2 Session Expiry Interval in CONNACK; [MQTT-4.1.0-2] the session ends after it
        Client client = V5Clients.client(broker, "sem-capped");
        Mqtt5ConnAck connack = client.client().connectWith().sessionExpiryInterval(3600).send();
        assertThat(connack.getSessionExpiryInterval()).hasValue(1);
        client.client().disconnect();

        await().atMost(BrokerExtension.WAIT).until(() -> broker.stats().expiredSessions() == 1);

        Client again = V5Clients.client(broker, "sem-capped");
        assertThat(again.client().connectWith().cleanStart(false).sessionExpiryInterval(3600).send()
                .isSessionPresent()).isFalse();
    }

    @Test
    void connack_clientAskedForLess_noSessionExpiryInConnack() {
        Client client = V5Clients.client(broker, "sem-zero");
        assertThat(client.client().connectWith().send().getSessionExpiryInterval()).isEmpty();
    }
}
