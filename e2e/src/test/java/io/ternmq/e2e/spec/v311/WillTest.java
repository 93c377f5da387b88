package io.ternmq.e2e.spec.v311;

import io.ternmq.e2e.BrokerExtension;
import io.ternmq.e2e.Flows;
import io.ternmq.testkit.CleanSession;
import io.ternmq.testkit.Packets;
import io.ternmq.testkit.RawMqttClient;
import io.ternmq.testkit.ReceivedPublish;
import io.ternmq.testkit.Retain;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** The Last Will: when it is published, with which QoS and retain flag, and when it is not (sections 3.1.2, 3.14). */
class WillTest {

    @RegisterExtension
    static final BrokerExtension broker = BrokerExtension.withDefaults();

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static RawMqttClient connectWithWill(String clientId, String topic, int qos, Retain retain) {
        byte[] connect = Packets.connectWithWill(clientId, CleanSession.YES, 60, topic, bytes("will of " + clientId),
                qos, retain);
        return broker.raw().send(connect).expectPacket("20 02 00 00");
    }

    @Test
    void will_abruptClose_publishedWithItsQosAndNotRetained() {
        // [MQTT-3.1.2-8] [MQTT-3.1.2-9] [MQTT-3.1.2-16]
        RawMqttClient watcher = broker.subscriber("w-abrupt-watch", "w/abrupt", 2);
        connectWithWill("w-abrupt", "w/abrupt", 1, Retain.NO).close();
        ReceivedPublish will = Flows.expectPublish(watcher, "w/abrupt", "will of w-abrupt", 1);
        assertThat(will.retain()).isEqualTo(Retain.NO);
        Flows.acknowledge(watcher, will);

        RawMqttClient late = broker.subscriber("w-abrupt-late", "w/abrupt", 0);
        Flows.expectMarkerNext(late, broker.connected("w-abrupt-pub"), "w/abrupt");
    }

    @Test
    void will_retainFlagSet_publishedAsRetainedMessage() {
        // [MQTT-3.1.2-17]
        RawMqttClient watcher = broker.subscriber("w-ret-watch", "w/retained", 0);
        connectWithWill("w-ret", "w/retained", 0, Retain.YES).close();
        Flows.expectPublish(watcher, "w/retained", "will of w-ret", 0);

        RawMqttClient late = broker.connected("w-ret-late");
        late.send(Packets.subscribe(1, "w/retained", 0)).expectPacket(Packets.suback(1, 0));
        ReceivedPublish retained = Flows.expectPublish(late, "w/retained", "will of w-ret", 0);
        assertThat(retained.retain()).isEqualTo(Retain.YES);
    }

    @Test
    void will_afterDisconnect_isNotPublished() {
        // [MQTT-3.14.4-3] [MQTT-3.1.2-10] [MQTT-3.1.2-8]
        RawMqttClient watcher = broker.subscriber("w-dis-watch", "w/disconnect", 0);
        RawMqttClient client = connectWithWill("w-dis", "w/disconnect", 0, Retain.NO);
        client.send(Packets.disconnect()).expectClosed();
        Flows.expectMarkerNext(watcher, broker.connected("w-dis-pub"), "w/disconnect");
    }

    @Test
    void will_publishedOnce_isDeletedAfterwards() {
        // [MQTT-3.1.2-10] after a takeover published the will, closing the new connection publishes nothing more
        RawMqttClient watcher = broker.subscriber("w-once-watch", "w/once", 0);
        RawMqttClient old = connectWithWill("w-once", "w/once", 0, Retain.NO);
        RawMqttClient replacement = broker.connected("w-once");
        old.expectClosed();
        Flows.expectPublish(watcher, "w/once", "will of w-once", 0);
        replacement.close();
        Flows.expectMarkerNext(watcher, broker.connected("w-once-pub"), "w/once");
    }

    @Test
    void will_protocolViolation_isPublished() {
        // [MQTT-4.8.0-1] [MQTT-3.1.2-8] a connection closed for a protocol error ends abnormally
        RawMqttClient watcher = broker.subscriber("w-err-watch", "w/error", 0);
        RawMqttClient client = connectWithWill("w-err", "w/error", 0, Retain.NO);
        client.send(Packets.publish("w/error/+", "wildcard in a topic name")).expectClosed();
        Flows.expectPublish(watcher, "w/error", "will of w-err", 0);
    }

    @Test
    void will_secondConnect_isPublished() {
        // [MQTT-3.1.0-2] a second CONNECT is a protocol violation, so the will goes out
        RawMqttClient watcher = broker.subscriber("w-2nd-watch", "w/second", 0);
        RawMqttClient client = connectWithWill("w-2nd", "w/second", 0, Retain.NO);
        client.send(Packets.connect("w-2nd", CleanSession.YES, 60)).expectClosed();
        Flows.expectPublish(watcher, "w/second", "will of w-2nd", 0);
    }

    @Test
    void disconnect_reservedFlagsSet_closesAndPublishesWill() {
        // [MQTT-3.14.1-1] [MQTT-2.2.2-2] E1 00 is not a valid DISCONNECT, so the will is not discarded
        RawMqttClient watcher = broker.subscriber("w-e1-watch", "w/e1", 0);
        RawMqttClient client = connectWithWill("w-e1", "w/e1", 0, Retain.NO);
        client.send("e1 00").expectClosed();
        Flows.expectPublish(watcher, "w/e1", "will of w-e1", 0);
    }
}
