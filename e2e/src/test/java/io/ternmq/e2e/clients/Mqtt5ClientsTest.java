package io.ternmq.e2e.clients;

import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient.Mqtt5Publishes;
import com.hivemq.client.mqtt.mqtt5.message.connect.connack.Mqtt5ConnAck;
import com.hivemq.client.mqtt.mqtt5.message.connect.connack.Mqtt5ConnAckReasonCode;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5PublishResult.Mqtt5Qos1Result;
import com.hivemq.client.mqtt.mqtt5.message.publish.puback.Mqtt5PubAckReasonCode;
import io.ternmq.e2e.BrokerExtension;
import io.ternmq.e2e.Mqtt5Clients;
import org.eclipse.paho.mqttv5.client.IMqttMessageListener;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.MqttSubscription;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.eclipse.paho.mqttv5.common.packet.UserProperty;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The broker as MQTT 5 clients see it: HiveMQ MQTT client (Mqtt5) and Eclipse Paho v5. */
class Mqtt5ClientsTest {

    @RegisterExtension
    static final BrokerExtension broker = BrokerExtension.withDefaults();

    @Test
    void hivemq_connect_acceptedWithMqtt5Connack() {
        Mqtt5ConnAck connAck = Mqtt5Clients.hivemq(broker, "h5-connect").connect();

        assertThat(connAck.getReasonCode()).isEqualTo(Mqtt5ConnAckReasonCode.SUCCESS);
        assertThat(connAck.isSessionPresent()).isFalse();
        assertThat(connAck.getRestrictions().areSubscriptionIdentifiersAvailable()).isTrue();
        assertThat(connAck.getRestrictions().isSharedSubscriptionAvailable()).isTrue();
        assertThat(connAck.getRestrictions().isWildcardSubscriptionAvailable()).isTrue();
    }

    @ParameterizedTest
    @EnumSource(MqttQos.class)
    void hivemq_publishWithProperties_roundTripsAtEachQos(MqttQos qos) throws InterruptedException {
        Mqtt5BlockingClient subscriber = Mqtt5Clients.hivemqConnected(broker, "h5-sub-" + qos.getCode());
        Mqtt5Publishes received = Mqtt5Clients.publishes(broker, subscriber);
        subscriber.subscribeWith().topicFilter("h5/qos/" + qos.getCode()).qos(qos).send();
        Mqtt5BlockingClient publisher = Mqtt5Clients.hivemqConnected(broker, "h5-pub-" + qos.getCode());

        publisher.publishWith().topic("h5/qos/" + qos.getCode()).qos(qos).payload(bytes("at " + qos))
                .responseTopic("h5/reply").correlationData(bytes("corr")).contentType("text/plain")
                .userProperties().add("a", "1").add("a", "0").applyUserProperties().send();

        // [MQTT-3.3.2-15] [MQTT-3.3.2-16] [MQTT-3.3.2-18] [MQTT-3.3.2-20]
        Mqtt5Publish message = Mqtt5Clients.receive(received);
        assertThat(new String(message.getPayloadAsBytes(), StandardCharsets.UTF_8)).isEqualTo("at " + qos);
        assertThat(message.getQos()).isEqualTo(qos);
        assertThat(message.getResponseTopic()).hasValueSatisfying(t -> assertThat(t.toString()).isEqualTo("h5/reply"));
        assertThat(message.getContentType()).hasValueSatisfying(t -> assertThat(t.toString()).isEqualTo("text/plain"));
        assertThat(message.getUserProperties().asList()).extracting(p -> p.getName() + "=" + p.getValue())
                .containsExactly("a=1", "a=0");
    }

    @Test
    void hivemq_publishQos1WithoutSubscribers_pubackNoMatchingSubscribers() {
        Mqtt5BlockingClient publisher = Mqtt5Clients.hivemqConnected(broker, "h5-lonely");

        var result = publisher.publishWith().topic("h5/nobody").qos(MqttQos.AT_LEAST_ONCE).payload(bytes("x")).send();

        assertThat(result).isInstanceOfSatisfying(Mqtt5Qos1Result.class, qos1 ->
                assertThat(qos1.getPubAck().getReasonCode()).isEqualTo(Mqtt5PubAckReasonCode.NO_MATCHING_SUBSCRIBERS));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2})
    void paho_publishWithUserProperties_roundTripsAtEachQos(int qos) throws MqttException, InterruptedException {
        var received = new LinkedBlockingQueue<MqttMessage>();
        MqttClient subscriber = Mqtt5Clients.pahoConnected(broker, "p5-sub-" + qos);
        // Paho v5 1.2.5's subscribe(String, int, listener) calls itself forever: the array form works
        subscriber.subscribe(new MqttSubscription[] {new MqttSubscription("p5/qos/" + qos, qos)},
                new IMqttMessageListener[] {(topic, message) -> received.add(message)});
        MqttClient publisher = Mqtt5Clients.pahoConnected(broker, "p5-pub-" + qos);
        var message = new MqttMessage(bytes("paho " + qos), qos, false, new MqttProperties());
        message.getProperties().setUserProperties(List.of(new UserProperty("k", "v")));
        message.getProperties().setCorrelationData(bytes("id-1"));

        publisher.publish("p5/qos/" + qos, message);

        MqttMessage delivered = received.poll(BrokerExtension.WAIT.toMillis(), TimeUnit.MILLISECONDS);
        assertThat(delivered).isNotNull();
        assertThat(new String(delivered.getPayload(), StandardCharsets.UTF_8)).isEqualTo("paho " + qos);
        assertThat(delivered.getQos()).isEqualTo(qos);
        assertThat(delivered.getProperties().getUserProperties()).extracting(UserProperty::getKey)
                .containsExactly("k");
        assertThat(delivered.getProperties().getCorrelationData()).isEqualTo(bytes("id-1"));
    }

    @Test
    void paho_emptyClientId_getsAssignedIdentifier() throws MqttException {
        MqttClient client = Mqtt5Clients.paho(broker, "");
        IMqttToken token = client.connectWithResult(new MqttConnectionOptions());

        // [MQTT-3.2.2-16]
        assertThat(token.getResponseProperties().getAssignedClientIdentifier()).isNotBlank();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
