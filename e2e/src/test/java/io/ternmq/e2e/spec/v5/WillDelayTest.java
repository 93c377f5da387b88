package io.ternmq.e2e.spec.v5;

import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.message.disconnect.Mqtt5DisconnectReasonCode;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5PayloadFormatIndicator;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;
import io.ternmq.e2e.BrokerExtension;
import io.ternmq.e2e.spec.v5.V5Clients.Client;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** The Will Delay Interval (3.1.3.2.2) and the will properties forwarded with the will (3.1.3.2). */
class WillDelayTest {

    @RegisterExtension
    final BrokerExtension broker = BrokerExtension.withDefaults();

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private Client watcher(String clientId, String filter) {
        Client watcher = V5Clients.client(broker, clientId);
        watcher.client().connect();
        watcher.client().subscribeWith().topicFilter(filter).qos(MqttQos.AT_LEAST_ONCE).send();
        return watcher;
    }

    /** Connects a Paho v5 client with a delayed will and drops its connection without DISCONNECT. */
    private void connectWithWillThenVanish(String clientId, long willDelay, long sessionExpiry) throws Exception {
        var client = V5Clients.paho(broker, clientId);
        var options = new MqttConnectionOptions();
        options.setCleanStart(true);
        options.setSessionExpiryInterval(sessionExpiry);
        options.setWill("will/" + clientId, new MqttMessage(utf8("gone " + clientId), 1, false, null));
        var willProperties = new MqttProperties();
        willProperties.setWillDelayInterval(willDelay);
        options.setWillMessageProperties(willProperties);
        client.connect(options);
        client.disconnectForcibly(0, 0, false); // no DISCONNECT: an abnormal end
    }

    @Test
    void will_disconnectWithWillMessage_publishedWithItsProperties() {
        // 3.14.2.1 reason 0x04 publishes the will; [MQTT-3.1.3-10] user properties in order; [MQTT-3.3.2-4]
        // [MQTT-3.3.2-15] [MQTT-3.3.2-16] [MQTT-3.3.2-20] forwarded unchanged
        Client watcher = watcher("wd-props-watch", "will/#");
        Client client = V5Clients.client(broker, "wd-props");
        client.client().connectWith().sessionExpiryInterval(60).willPublish().topic("will/wd-props")
                .payload(utf8("bye")).qos(MqttQos.AT_LEAST_ONCE).delayInterval(1).messageExpiryInterval(120)
                .payloadFormatIndicator(Mqtt5PayloadFormatIndicator.UTF_8).contentType("text/plain")
                .responseTopic("reply/wd-props").correlationData(utf8("corr-1"))
                .userProperties().add("z", "1").add("a", "2").add("z", "0").applyUserProperties()
                .applyWillPublish().send();

        client.client().disconnectWith().reasonCode(Mqtt5DisconnectReasonCode.DISCONNECT_WITH_WILL_MESSAGE).send();

        Mqtt5Publish will = watcher.receive();
        assertThat(will.getTopic().toString()).isEqualTo("will/wd-props");
        assertThat(new String(will.getPayloadAsBytes(), StandardCharsets.UTF_8)).isEqualTo("bye");
        assertThat(will.getUserProperties().asList()).extracting(p -> p.getName() + "=" + p.getValue())
                .containsExactly("z=1", "a=2", "z=0");
        assertThat(will.getContentType()).hasValueSatisfying(t -> assertThat(t.toString()).isEqualTo("text/plain"));
        assertThat(will.getResponseTopic()).hasValueSatisfying(t -> assertThat(t.toString())
                .isEqualTo("reply/wd-props"));
        assertThat(will.getCorrelationData()).contains(ByteBuffer.wrap(utf8("corr-1")));
        assertThat(will.getPayloadFormatIndicator()).contains(Mqtt5PayloadFormatIndicator.UTF_8);
        assertThat(will.getMessageExpiryInterval().orElseThrow()).isBetween(1L, 120L); // [MQTT-3.3.2-6]
    }

    @Test
    void will_delayLongerThanSession_publishedWhenTheSessionEnds() throws Exception {
        // [MQTT-3.1.2-8] the will goes out when the delay passes or the session ends, whichever is first
        Client watcher = watcher("wd-end-watch", "will/#");

        connectWithWillThenVanish("wd-end", 3600, 1);

        Mqtt5Publish will = watcher.receive();
        assertThat(will.getTopic().toString()).isEqualTo("will/wd-end");
        assertThat(broker.stats().expiredSessions()).isEqualTo(1);
    }

    @Test
    void will_clientReconnectsWithinDelay_notPublished() throws Exception {
        // [MQTT-3.1.3-9] a new connection to the session before the delay has passed: no will
        Client watcher = watcher("wd-back-watch", "will/#");
        connectWithWillThenVanish("wd-back", 3600, 3600);

        Client back = V5Clients.client(broker, "wd-back");
        assertThat(back.client().connectWith().cleanStart(false).sessionExpiryInterval(3600).send()
                .isSessionPresent()).isTrue();
        // ending the session now would publish a will still waiting [MQTT-3.1.2-8]: there is none any more
        back.client().disconnectWith().sessionExpiryInterval(0).send();
        Client again = V5Clients.client(broker, "wd-back");
        assertThat(again.client().connectWith().cleanStart(false).send().isSessionPresent()).isFalse();

        Client marker = V5Clients.client(broker, "wd-back-marker");
        marker.client().connect();
        marker.client().publishWith().topic("will/wd-back").qos(MqttQos.AT_LEAST_ONCE).payload(utf8("marker"))
                .send();
        assertThat(new String(watcher.receive().getPayloadAsBytes(), StandardCharsets.UTF_8)).isEqualTo("marker");
    }

    @Test
    void will_sessionEndsWithConnection_publishedAtOnceDespiteDelay() throws Exception {
        // [MQTT-3.1.2-8] session expiry 0: the session ends with the connection, and the will with it
        Client watcher = watcher("wd-zero-watch", "will/#");

        connectWithWillThenVanish("wd-zero", 3600, 0);

        assertThat(watcher.receive().getTopic().toString()).isEqualTo("will/wd-zero");
    }
}
