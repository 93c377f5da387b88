package io.ternmq.e2e.spec.v5;

import io.ternmq.e2e.BrokerExtension;
import io.ternmq.e2e.Mqtt5Flows;
import io.ternmq.store.StorageMode;
import io.ternmq.testkit.CleanStart;
import io.ternmq.testkit.Mqtt5ConnectBuilder;
import io.ternmq.testkit.Mqtt5Packets;
import io.ternmq.testkit.Mqtt5Properties;
import io.ternmq.testkit.RawMqttClient;
import io.ternmq.testkit.ReceivedMqtt5Publish;
import io.ternmq.testkit.ReceivedProperty;
import io.ternmq.testkit.SessionPresent;
import io.ternmq.server.Broker;
import io.ternmq.testkit.Dup;
import io.ternmq.testkit.Packets;
import io.ternmq.testkit.Retain;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static io.ternmq.testkit.Mqtt5Properties.properties;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Metadata forwarding when the broker stores messages (storage mode wal, the server's default): messages queued for
 * an offline persistent session keep their properties, however many are queued, and so do stored, retained and
 * in-flight messages across a restart of the broker on the same data directory.
 */
class DurablePublishPropertiesTest {

    @RegisterExtension
    static final BrokerExtension broker = BrokerExtension.with(b -> b.storageMode(StorageMode.WAL));

    private static Mqtt5Properties metadata(int i) {
        return properties().contentType("application/x-" + i).responseTopic("dp/reply")
                .correlationData(new byte[] {(byte) i}).userProperty("n", Integer.toString(i)).userProperty("z", "")
                .payloadFormatIndicator(1);
    }

    @Test
    void queuedMessages_offlinePersistentSession_eachKeepsItsProperties() {
        // [MQTT-3.3.2-4] [MQTT-3.3.2-15] [MQTT-3.3.2-16] [MQTT-3.3.2-17] [MQTT-3.3.2-18] [MQTT-3.3.2-20]
        Mqtt5ConnectBuilder persistent = Mqtt5Packets.connect("dp-sub").cleanStart(CleanStart.NO)
                .properties(properties().sessionExpiryInterval(300));
        RawMqttClient first = Mqtt5Flows.connected(broker, persistent);
        Mqtt5Flows.subscribe(first, 1, "dp/queued", 1);
        first.send(Mqtt5Packets.disconnect());
        first.expectClosed();
        RawMqttClient publisher = Mqtt5Flows.connected(broker, "dp-pub");
        int count = 300;
        for (int i = 1; i <= count; i++) {
            Mqtt5Flows.publishQos1(publisher, "dp/queued", metadata(i), "m" + i, i);
        }

        Mqtt5Flows.ConnectResult again = Mqtt5Flows.connect(broker, persistent);
        assertThat(again.connack().sessionPresent()).isEqualTo(SessionPresent.YES);
        for (int i = 1; i <= count; i++) {
            ReceivedMqtt5Publish received = Mqtt5Flows.expectPublish(again.client(), "dp/queued", "m" + i, 1);
            assertThat(received.properties().get(Mqtt5Properties.CONTENT_TYPE).text()).isEqualTo("application/x-" + i);
            assertThat(received.properties().get(Mqtt5Properties.RESPONSE_TOPIC).text()).isEqualTo("dp/reply");
            assertThat(received.properties().get(Mqtt5Properties.CORRELATION_DATA).binary())
                    .containsExactly((byte) i);
            assertThat(received.properties().get(Mqtt5Properties.PAYLOAD_FORMAT_INDICATOR).number()).isEqualTo(1);
            assertThat(received.properties().userProperties()).containsExactly(
                    new ReceivedProperty.UserPair("n", Integer.toString(i)), new ReceivedProperty.UserPair("z", ""));
            Mqtt5Flows.acknowledge(again.client(), received);
        }
        again.client().send(Mqtt5Packets.disconnect(0x00, properties().sessionExpiryInterval(0)));
    }

    @TempDir
    Path dataDir;

    private Broker start() {
        return Broker.builder().bind("127.0.0.1").port(0).storageMode(StorageMode.WAL).dataDir(dataDir).start();
    }

    private static RawMqttClient connect(Broker broker, Mqtt5ConnectBuilder connect) {
        RawMqttClient client = RawMqttClient.connect("127.0.0.1", broker.port()).send(connect.build());
        assertThat(client.readMqtt5Packet().reasonCode()).isZero();
        return client;
    }

    private static void assertMetadata(ReceivedMqtt5Publish received, int i) {
        assertThat(received.properties().get(Mqtt5Properties.CONTENT_TYPE).text()).isEqualTo("application/x-" + i);
        assertThat(received.properties().get(Mqtt5Properties.CORRELATION_DATA).binary()).containsExactly((byte) i);
        assertThat(received.properties().userProperties()).containsExactly(
                new ReceivedProperty.UserPair("n", Integer.toString(i)), new ReceivedProperty.UserPair("z", ""));
    }

    @Test
    void restart_queuedRetainedAndInflight_keepTheirProperties() {
        // [MQTT-3.3.2-4] [MQTT-3.3.2-15] [MQTT-3.3.2-16] [MQTT-3.3.2-17] [MQTT-3.3.2-18] [MQTT-3.3.2-20]
        Mqtt5ConnectBuilder persistent = Mqtt5Packets.connect("dr-sub").cleanStart(CleanStart.NO)
                .properties(properties().sessionExpiryInterval(300));
        try (Broker broker = start()) {
            RawMqttClient subscriber = connect(broker, persistent);
            Mqtt5Flows.subscribe(subscriber, 1, "dr/+", 1);
            RawMqttClient publisher = connect(broker, Mqtt5Packets.connect("dr-pub"));
            Mqtt5Flows.publishQos1(publisher, "dr/inflight", metadata(1), "inflight", 1);
            Mqtt5Flows.expectPublish(subscriber, "dr/inflight", "inflight", 1); // not acknowledged
            subscriber.close();
            publisher.send(Mqtt5Packets.publish("dr/retained", 1, Retain.YES, Dup.NO, 2, metadata(2), "retained"));
            Mqtt5Flows.expectAck(publisher, 4, 2);
            publisher.send(Packets.disconnect());
        }
        try (Broker broker = start()) {
            RawMqttClient subscriber = connect(broker, persistent);
            ReceivedMqtt5Publish inflight = Mqtt5Flows.expectPublish(subscriber, "dr/inflight", "inflight", 1);
            assertThat(inflight.dup()).isEqualTo(Dup.YES);
            assertMetadata(inflight, 1);
            Mqtt5Flows.acknowledge(subscriber, inflight);
            ReceivedMqtt5Publish queued = Mqtt5Flows.expectPublish(subscriber, "dr/retained", "retained", 1);
            assertMetadata(queued, 2);
            Mqtt5Flows.acknowledge(subscriber, queued);

            RawMqttClient late = connect(broker, Mqtt5Packets.connect("dr-late"));
            Mqtt5Flows.subscribe(late, 1, "dr/retained", 1);
            ReceivedMqtt5Publish retained = Mqtt5Flows.expectPublish(late, "dr/retained", "retained", 1);
            assertThat(retained.retain()).isEqualTo(Retain.YES);
            assertMetadata(retained, 2);
            Mqtt5Flows.acknowledge(late, retained);
            late.close();
            subscriber.close();
        }
    }
}
