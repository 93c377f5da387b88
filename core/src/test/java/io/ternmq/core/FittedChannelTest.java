package io.ternmq.core;

import io.ternmq.protocol.AckProperties;
import io.ternmq.protocol.Auth;
import io.ternmq.protocol.AuthProperties;
import io.ternmq.protocol.MqttPacket;
import io.ternmq.protocol.Puback;
import io.ternmq.protocol.Publish;
import io.ternmq.protocol.PublishProperties;
import io.ternmq.protocol.Qos;
import io.ternmq.protocol.ReasonCode;
import io.ternmq.protocol.UserProperty;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.groups.Tuple.tuple;

class FittedChannelTest {

    private static final String TOPIC = "sensors/kitchen/temperature";

    private final FakeChannel wire = new FakeChannel("test:1");
    private final StripedCounter oversizeDrops = new StripedCounter();
    private final InboundPublishes inbound = InboundPublishes.mqtt5(0, 1, packetId -> false);

    private FittedChannel channel(PacketSizeLimit limit, OutboundTopicAliases aliases) {
        return new FittedChannel(wire, limit, aliases, inbound, oversizeDrops);
    }

    private static Publish publish(String topic, int payloadSize) {
        return new Publish(topic, Qos.AT_MOST_ONCE, false, false, 0, new byte[payloadSize]);
    }

    private List<Publish> publishesOnWire() {
        return wire.sent().stream().map(Publish.class::cast).toList();
    }

    @Test
    void send_recurringTopic_isAnnouncedThenSentByAliasAlone() {
        // 3.3.2.3.4: the first PUBLISH with an alias carries the topic too; later ones an empty topic
        var fitted = channel(PacketSizeLimit.NONE, new OutboundTopicAliases(5));
        Publish shared = publish(TOPIC, 4);

        fitted.send(shared);
        fitted.send(shared);
        fitted.send(shared);

        assertThat(publishesOnWire()).extracting(Publish::topic, p -> p.properties().topicAlias())
                .containsExactly(tuple(TOPIC, null), tuple(TOPIC, 1), tuple("", 1));
        assertThat(publishesOnWire().get(0)).isSameAs(shared);
        assertThat(shared.topic()).isEqualTo(TOPIC);
        assertThat(shared.properties()).isSameAs(PublishProperties.EMPTY);
    }

    @Test
    void send_noAliasTable_isThePacketItself() {
        // [MQTT-3.1.2-27] a client without Topic Alias Maximum gets no aliases
        var fitted = channel(PacketSizeLimit.NONE, null);
        Publish shared = publish(TOPIC, 4);

        fitted.send(shared);
        fitted.send(shared);

        assertThat(publishesOnWire()).containsExactly(shared, shared);
    }

    @Test
    void send_publishBeyondTheClientMaximum_isDroppedAndCounted() {
        // [MQTT-3.1.2-24] [MQTT-3.1.2-25] 2 + 2 + 1 + 1 + 100 = 106 bytes for a client that takes 50
        var fitted = channel(PacketSizeLimit.of(50L), null);

        fitted.send(publish("t", 100));
        fitted.send(publish("t", 10));

        assertThat(publishesOnWire()).extracting(p -> p.payload().length).containsExactly(10);
        assertThat(oversizeDrops.sum()).isEqualTo(1);
    }

    @Test
    void send_aliasAnnouncementWouldNotFit_goesWithoutAlias() {
        // the topic alone fits exactly; topic plus alias property would be 3 bytes over
        Publish plain = publish(TOPIC, 10);
        long exact = 2 + 2 + TOPIC.length() + 1 + 10;
        var fitted = channel(PacketSizeLimit.of(exact), new OutboundTopicAliases(5));

        fitted.send(plain);
        fitted.send(plain);
        fitted.send(plain);

        assertThat(publishesOnWire()).containsExactly(plain, plain, plain);
        assertThat(oversizeDrops.sum()).isZero();
    }

    @Test
    void send_ackBeyondTheClientMaximum_losesItsDiagnostics() {
        // [MQTT-3.4.2-2] [MQTT-3.4.2-3]
        var fitted = channel(PacketSizeLimit.of(8L), null);

        fitted.send(new Puback(3, ReasonCode.NOT_AUTHORIZED,
                new AckProperties("not allowed", List.of(new UserProperty("a", "b")))));

        assertThat(wire.sent()).containsExactly(new Puback(3, ReasonCode.NOT_AUTHORIZED, AckProperties.EMPTY));
    }

    @Test
    void send_authBeyondTheClientMaximum_losesReasonStringAndUserPropertiesKeepsMethodAndData() {
        // [MQTT-3.15.2-2] [MQTT-3.15.2-3] 27 bytes without the diagnostics, 46 with them; the client allows 30
        var fitted = channel(PacketSizeLimit.of(30L), null);
        byte[] challenge = {1, 2, 3, 4};

        fitted.send(new Auth(ReasonCode.CONTINUE_AUTHENTICATION, new AuthProperties("SCRAM-SHA-256", challenge,
                "challenge", List.of(new UserProperty("a", "b")))));

        assertThat(wire.sent()).singleElement().isInstanceOfSatisfying(Auth.class, auth -> {
            assertThat(auth.reasonCode()).isEqualTo(ReasonCode.CONTINUE_AUTHENTICATION);
            assertThat(auth.properties().authenticationMethod()).isEqualTo("SCRAM-SHA-256");
            assertThat(auth.properties().authenticationData()).isEqualTo(challenge);
            assertThat(auth.properties().reasonString()).isNull();
            assertThat(auth.properties().userProperties()).isEmpty();
        });
    }

    @Test
    void send_puback_freesAPlaceOfTheReceiveMaximum() {
        var fitted = channel(PacketSizeLimit.NONE, null);
        Publish qos1 = new Publish("t", Qos.AT_LEAST_ONCE, false, false, 1, new byte[0]);
        inbound.admit(qos1);

        fitted.send(new Puback(1));

        assertThat(inbound.admit(qos1)).isSameAs(qos1); // the maximum is 1: the place is free again
        assertThat(wire.sent()).extracting(MqttPacket::type).hasSize(1);
    }

    @Test
    void fittedChannel_delegatesEveryChannelMethod() {
        // a method ClientChannel gains later (with a default) must reach the transport, not the default
        for (Method method : ClientChannel.class.getMethods()) {
            if (Modifier.isStatic(method.getModifiers())) {
                continue;
            }
            assertThatCode(() -> FittedChannel.class.getDeclaredMethod(method.getName(), method.getParameterTypes()))
                    .as("FittedChannel overrides %s", method.getName())
                    .doesNotThrowAnyException();
        }
    }
}
