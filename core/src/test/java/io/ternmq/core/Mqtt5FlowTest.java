package io.ternmq.core;

import io.ternmq.protocol.Connack;
import io.ternmq.protocol.Connect;
import io.ternmq.protocol.ConnectProperties;
import io.ternmq.protocol.Disconnect;
import io.ternmq.protocol.DisconnectProperties;
import io.ternmq.protocol.MqttPacket;
import io.ternmq.protocol.ProtocolVersion;
import io.ternmq.protocol.Puback;
import io.ternmq.protocol.Publish;
import io.ternmq.protocol.PublishProperties;
import io.ternmq.protocol.Qos;
import io.ternmq.protocol.ReasonCode;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

/** Receive Maximum, Maximum Packet Size and topic aliases of MQTT 5 clients across the connection's life. */
class Mqtt5FlowTest {

    private final TestBroker broker = new TestBroker(new CoreConfig(2, 32, 100));

    private static Connect connect(String clientId, boolean cleanStart, @Nullable Integer receiveMaximum,
                                   @Nullable Long maximumPacketSize, @Nullable Integer topicAliasMaximum) {
        var properties = new ConnectProperties(60L, receiveMaximum, maximumPacketSize, topicAliasMaximum, null, null,
                null, null, List.of());
        return new Connect(ProtocolVersion.MQTT_5, clientId, cleanStart, 0, null, null, null, properties);
    }

    private TestClient connected(Connect connect) {
        TestClient client = broker.client("10.0.5.2:" + connect.clientId().hashCode());
        client.send(connect);
        client.take();
        return client;
    }

    private static List<Publish> publishes(List<MqttPacket> packets) {
        return packets.stream().filter(Publish.class::isInstance).map(Publish.class::cast).toList();
    }

    private void publishQos1(int count, int payloadSize) {
        TestClient publisher = broker.connected("pub", TestBroker.SessionMode.CLEAN);
        for (int i = 1; i <= count; i++) {
            publisher.send(new Publish("flow/t", Qos.AT_LEAST_ONCE, false, false, i, new byte[payloadSize]));
        }
    }

    @Test
    void reconnect_lowerReceiveMaximum_resendsOnlyWhatTheNewWindowHolds() {
        // [MQTT-3.3.4-9] the window is the one of the connection now attached
        TestClient first = connected(connect("sub", true, 10, null, null));
        first.subscribe(1, "flow/t", Qos.AT_LEAST_ONCE);
        publishQos1(4, 1);
        assertThat(publishes(first.take())).hasSize(4);
        first.networkClosed();

        TestClient second = broker.client("10.0.5.3:1");
        second.send(connect("sub", false, 2, null, null));

        assertThat(publishes(second.take())).extracting(Publish::packetId, Publish::dup)
                .containsExactly(tuple(1, true), tuple(2, true));
        assertThat(broker.sessionInfo("sub").orElseThrow().inflightMessages()).isEqualTo(4);
        second.send(new Puback(1));
        assertThat(publishes(second.take())).extracting(Publish::packetId, Publish::dup)
                .containsExactly(tuple(3, true));
    }

    @Test
    void reconnect_smallerMaximumPacketSize_inFlightMessageTooLargeIsDone() {
        // [MQTT-3.1.2-25] discarded on the new connection as if delivered: it leaves the flight
        TestClient first = connected(connect("sub", true, null, null, null));
        first.subscribe(1, "flow/t", Qos.AT_LEAST_ONCE);
        publishQos1(1, 200);
        assertThat(publishes(first.take())).hasSize(1);
        first.networkClosed();

        connected(connect("sub", false, null, 100L, null));

        assertThat(broker.sessionInfo("sub").orElseThrow().inflightMessages()).isZero();
        assertThat(broker.core.stats().drops(DropReason.PACKET_TOO_LARGE)).isEqualTo(1);
    }

    @Test
    void deliver_qos0ToSubscribersWithAndWithoutAliases_sharesThePacketWhereNoAliasApplies() {
        // the QoS 0 fast path hands the inbound packet to every subscriber: an alias copies it for one connection
        TestClient aliasing = connected(connect("with", true, null, null, 5));
        aliasing.subscribe(1, "fast/topic", Qos.AT_MOST_ONCE);
        TestClient plain = connected(connect("without", true, null, null, null));
        plain.subscribe(1, "fast/topic", Qos.AT_MOST_ONCE);
        TestClient publisher = connected(connect("pub5", true, null, null, null));
        Publish published = new Publish("fast/topic", Qos.AT_MOST_ONCE, false, false, 0, new byte[] {1});

        publisher.send(published);
        publisher.send(published);

        assertThat(publishes(plain.take())).allSatisfy(p -> assertThat(p).isSameAs(published)).hasSize(2);
        List<Publish> aliased = publishes(aliasing.take());
        assertThat(aliased.get(0)).isSameAs(published); // first sighting: as it is
        assertThat(aliased.get(1)).isNotSameAs(published);
        assertThat(aliased.get(1).properties().topicAlias()).isEqualTo(1);
        assertThat(published.properties().topicAlias()).isNull();
    }

    @Test
    void connack_tooLargeForTheClient_announcesNoAliasesAndAnAliasIsInvalid() {
        // [MQTT-3.1.2-24] a 16-byte client: the Topic Alias Maximum is left out, so 0 is what the broker enforces
        TestClient client = broker.client("10.0.5.4:1");
        client.send(connect("tiny", true, null, 16L, null));
        Connack connack = (Connack) client.take().getFirst();
        assertThat(connack.properties().topicAliasMaximum()).isNull();

        var alias = new PublishProperties(null, null, 1, null, null, List.of(), List.of(), null);
        client.send(new Publish("t", Qos.AT_MOST_ONCE, false, false, 0, new byte[0], alias));

        assertThat(client.take()).containsExactly(new Disconnect(ReasonCode.TOPIC_ALIAS_INVALID,
                DisconnectProperties.EMPTY));
    }
}
