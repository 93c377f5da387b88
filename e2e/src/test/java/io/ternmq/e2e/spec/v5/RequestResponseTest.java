package io.ternmq.e2e.spec.v5;

import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient.Mqtt5Publishes;
import com.hivemq.client.mqtt.mqtt5.datatypes.Mqtt5UserProperty;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5PayloadFormatIndicator;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;
import io.ternmq.e2e.BrokerExtension;
import io.ternmq.e2e.Mqtt5Clients;
import org.eclipse.paho.mqttv5.client.IMqttMessageListener;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.MqttSubscription;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.eclipse.paho.mqttv5.common.packet.UserProperty;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The request/response pattern of section 4.10 through real MQTT 5 libraries: the requester's response topic and
 * correlation data reach the responder untouched [MQTT-3.3.2-15] [MQTT-3.3.2-16], so the answer finds its way back
 * and can be matched; content type, payload format and user properties travel with them [MQTT-3.3.2-4]
 * [MQTT-3.3.2-17] [MQTT-3.3.2-18] [MQTT-3.3.2-20].
 */
class RequestResponseTest {

    @RegisterExtension
    static final BrokerExtension broker = BrokerExtension.withDefaults();

    private static byte[] bytes(ByteBuffer buffer) {
        byte[] out = new byte[buffer.remaining()];
        buffer.duplicate().get(out);
        return out;
    }

    @Test
    void hivemq_requestWithResponseTopic_responderAnswersToIt() throws InterruptedException {
        Mqtt5BlockingClient responder = Mqtt5Clients.hivemqConnected(broker, "rr-h-responder");
        Mqtt5Publishes requests = Mqtt5Clients.publishes(broker, responder);
        responder.subscribeWith().topicFilter("rr/h/service").qos(MqttQos.AT_LEAST_ONCE).send();
        Mqtt5BlockingClient requester = Mqtt5Clients.hivemqConnected(broker, "rr-h-requester");
        Mqtt5Publishes replies = Mqtt5Clients.publishes(broker, requester);
        requester.subscribeWith().topicFilter("rr/h/reply/requester").qos(MqttQos.AT_LEAST_ONCE).send();

        byte[] correlation = {42, 0, -1};
        requester.publishWith().topic("rr/h/service").qos(MqttQos.AT_LEAST_ONCE)
                .payload("question".getBytes(StandardCharsets.UTF_8))
                .responseTopic("rr/h/reply/requester").correlationData(correlation)
                .contentType("text/plain").payloadFormatIndicator(Mqtt5PayloadFormatIndicator.UTF_8)
                .userProperties().add("trace", "1").add("hop", "a").add("trace", "2").applyUserProperties()
                .send();

        Mqtt5Publish request = Mqtt5Clients.receive(requests);
        assertThat(request.getResponseTopic()).hasValueSatisfying(t -> assertThat(t.toString())
                .isEqualTo("rr/h/reply/requester"));
        assertThat(request.getCorrelationData()).hasValueSatisfying(c -> assertThat(bytes(c)).isEqualTo(correlation));
        assertThat(request.getContentType()).hasValueSatisfying(c -> assertThat(c.toString()).isEqualTo("text/plain"));
        assertThat(request.getPayloadFormatIndicator()).contains(Mqtt5PayloadFormatIndicator.UTF_8);
        assertThat(request.getUserProperties().asList()).extracting(p -> p.getName() + "=" + p.getValue())
                .containsExactly("trace=1", "hop=a", "trace=2");

        responder.publishWith().topic(request.getResponseTopic().orElseThrow()).qos(MqttQos.AT_LEAST_ONCE)
                .payload("answer".getBytes(StandardCharsets.UTF_8))
                .correlationData(request.getCorrelationData().orElseThrow()).send();

        Mqtt5Publish reply = Mqtt5Clients.receive(replies);
        assertThat(new String(reply.getPayloadAsBytes(), StandardCharsets.UTF_8)).isEqualTo("answer");
        assertThat(reply.getCorrelationData()).hasValueSatisfying(c -> assertThat(bytes(c)).isEqualTo(correlation));
        assertThat(reply.getResponseTopic()).isEmpty();
        assertThat(reply.getUserProperties().asList()).extracting(Mqtt5UserProperty::getName).isEmpty();
    }

    @Test
    void paho_requestWithResponseTopic_responderAnswersToIt() throws Exception {
        MqttClient responder = Mqtt5Clients.paho(broker, "rr-p-responder");
        responder.connect();
        // The listener runs on Paho's callback thread; publishing from there would deadlock the synchronous client.
        // (The String[]/int[] overload of subscribe with listeners recurses forever in Paho 1.2.5.)
        BlockingQueue<MqttMessage> requests = new ArrayBlockingQueue<>(4);
        responder.subscribe(new MqttSubscription[] {new MqttSubscription("rr/p/service", 2)},
                new IMqttMessageListener[] {(topic, message) -> requests.add(message)});
        MqttClient requester = Mqtt5Clients.paho(broker, "rr-p-requester");
        requester.connect();
        BlockingQueue<MqttMessage> replies = new ArrayBlockingQueue<>(4);
        requester.subscribe(new MqttSubscription[] {new MqttSubscription("rr/p/reply", 2)},
                new IMqttMessageListener[] {(topic, message) -> replies.add(message)});

        MqttProperties requestProperties = new MqttProperties();
        requestProperties.setResponseTopic("rr/p/reply");
        requestProperties.setCorrelationData(new byte[] {7, 7});
        requestProperties.setContentType("application/json");
        requestProperties.setPayloadFormat(true);
        requestProperties.setUserProperties(List.of(new UserProperty("k", "1"), new UserProperty("k", "1"),
                new UserProperty("j", "0")));
        MqttMessage question = new MqttMessage("{\"q\":1}".getBytes(StandardCharsets.UTF_8));
        question.setQos(2);
        question.setProperties(requestProperties);
        requester.publish("rr/p/service", question);

        MqttMessage request = requests.poll(BrokerExtension.WAIT.toMillis(), TimeUnit.MILLISECONDS);
        assertThat(request).as("request within %s", BrokerExtension.WAIT).isNotNull();
        MqttProperties received = request.getProperties();
        assertThat(received.getResponseTopic()).isEqualTo("rr/p/reply");
        assertThat(received.getCorrelationData()).containsExactly(7, 7);
        assertThat(received.getContentType()).isEqualTo("application/json");
        assertThat(received.getPayloadFormat()).isTrue();
        assertThat(received.getUserProperties()).extracting(p -> p.getKey() + "=" + p.getValue())
                .containsExactly("k=1", "k=1", "j=0");

        MqttProperties replyProperties = new MqttProperties();
        replyProperties.setCorrelationData(received.getCorrelationData());
        MqttMessage answer = new MqttMessage("{\"a\":2}".getBytes(StandardCharsets.UTF_8));
        answer.setQos(1);
        answer.setProperties(replyProperties);
        responder.publish(received.getResponseTopic(), answer);

        MqttMessage reply = replies.poll(BrokerExtension.WAIT.toMillis(), TimeUnit.MILLISECONDS);
        assertThat(reply).as("reply within %s", BrokerExtension.WAIT).isNotNull();
        assertThat(new String(reply.getPayload(), StandardCharsets.UTF_8)).isEqualTo("{\"a\":2}");
        assertThat(reply.getProperties().getCorrelationData()).containsExactly(7, 7);
    }
}
