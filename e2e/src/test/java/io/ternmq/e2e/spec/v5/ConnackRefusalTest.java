package io.ternmq.e2e.spec.v5;

import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import com.hivemq.client.mqtt.mqtt5.exceptions.Mqtt5ConnAckException;
import com.hivemq.client.mqtt.mqtt5.message.connect.connack.Mqtt5ConnAckReasonCode;
import io.ternmq.core.auth.AuthenticationResult;
import io.ternmq.core.auth.Authenticator;
import io.ternmq.e2e.BrokerExtension;
import io.ternmq.e2e.Mqtt5Clients;
import io.ternmq.e2e.Mqtt5Flows;
import io.ternmq.testkit.Hex;
import io.ternmq.testkit.Mqtt5Packets;
import io.ternmq.testkit.RawMqttClient;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Refused 5.0 connections (sections 3.1.4 and 3.2.2.2): the authenticator's answer becomes CONNACK 0x86, 0x87 or,
 * when it fails, 0x88, with Session Present 0, and the connection is closed. The user name picks the answer.
 */
class ConnackRefusalTest {

    private static final Authenticator BY_USER_NAME = request -> {
        String user = request.username() == null ? "" : request.username();
        return switch (user) {
            case "bad" -> CompletableFuture.completedFuture(AuthenticationResult.BAD_USERNAME_OR_PASSWORD);
            case "nope" -> CompletableFuture.completedFuture(AuthenticationResult.NOT_AUTHORIZED);
            case "boom" -> CompletableFuture.failedFuture(new IllegalStateException("user database down"));
            default -> CompletableFuture.completedFuture(AuthenticationResult.ALLOWED);
        };
    };

    @RegisterExtension
    static final BrokerExtension broker = BrokerExtension.with(b -> b.authenticator(BY_USER_NAME));

    @ParameterizedTest
    @CsvSource({"bad, 86", "nope, 87", "boom, 88"})
    void refused_connackWithReasonCodeSessionPresent0ThenClosed(String user, String code) {
        // [MQTT-3.1.4-2] a failed check closes the connection; [MQTT-3.2.2-6] Session Present 0 with a failure;
        // [MQTT-3.2.2-7] closed after a code of 0x80 or more; [MQTT-3.2.2-8] a defined Connect Reason Code;
        // [MQTT-4.13.2-1]
        RawMqttClient client = broker.raw().send(Mqtt5Packets.connect("cr-" + user).username(user).build());
        client.expectPacket("20 03 00 " + code + " 00");
        client.expectClosed();
    }

    @Test
    void refused_packetsSentAfterConnect_notProcessed() {
        // [MQTT-3.1.4-6] nothing after a refused CONNECT is processed
        RawMqttClient watcher = Mqtt5Flows.subscriber(broker, "cr-watch", "cr/after", 0);
        RawMqttClient refused = broker.raw().send(Hex.concat(Mqtt5Packets.connect("cr-after").username("bad")
                .build(), Mqtt5Packets.publish("cr/after", "ignored")));
        refused.expectPacket("20 03 00 86 00");
        refused.expectClosed();
        Mqtt5Flows.connected(broker, "cr-after-pub").send(Mqtt5Packets.publish("cr/after", "marker"));
        Mqtt5Flows.expectPublish(watcher, "cr/after", "marker", 0);
    }

    @Test
    void hivemq_badCredentials_connAckException() {
        // [MQTT-3.2.2-8] as a client library reports it
        Mqtt5BlockingClient client = Mqtt5Clients.hivemq(broker, "cr-h");
        assertThatThrownBy(() -> client.connectWith().simpleAuth().username("bad")
                .password("x".getBytes(StandardCharsets.UTF_8)).applySimpleAuth().send())
                .isInstanceOfSatisfying(Mqtt5ConnAckException.class, e -> assertThat(e.getMqttMessage()
                        .getReasonCode()).isEqualTo(Mqtt5ConnAckReasonCode.BAD_USER_NAME_OR_PASSWORD));
    }

    @Test
    void paho_notAuthorized_reasonCode0x87() throws Exception {
        MqttClient client = Mqtt5Clients.paho(broker, "cr-p");
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setUserName("nope");
        assertThatThrownBy(() -> client.connect(options)).isInstanceOfSatisfying(MqttException.class,
                e -> assertThat(e.getReasonCode()).isEqualTo(0x87));
    }
}
