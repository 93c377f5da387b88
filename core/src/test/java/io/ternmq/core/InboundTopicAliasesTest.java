package io.ternmq.core;

import io.ternmq.protocol.MalformedPacketException;
import io.ternmq.protocol.Publish;
import io.ternmq.protocol.PublishProperties;
import io.ternmq.protocol.Qos;
import io.ternmq.protocol.ReasonCode;
import io.ternmq.protocol.UserProperty;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InboundTopicAliasesTest {

    private static final byte[] PAYLOAD = {1, 2, 3};

    private final InboundTopicAliases aliases = new InboundTopicAliases(10);

    private static Publish publish(String topic, Integer alias) {
        var properties = new PublishProperties(null, null, alias, null, null, List.of(), List.of(), null);
        return new Publish(topic, Qos.AT_LEAST_ONCE, false, false, 7, PAYLOAD, properties);
    }

    @Test
    void resolve_noAlias_returnsThePacketItself() {
        Publish plain = new Publish("a/b", Qos.AT_MOST_ONCE, false, false, 0, PAYLOAD);

        assertThat(aliases.resolve(plain)).isSameAs(plain);
    }

    @Test
    void resolve_topicAndAlias_mapsAndRoutesWithoutTheAlias() {
        Publish routed = aliases.resolve(publish("sensors/1/temperature", 3));

        assertThat(routed.topic()).isEqualTo("sensors/1/temperature");
        assertThat(routed.properties()).isSameAs(PublishProperties.EMPTY);
        assertThat(routed.packetId()).isEqualTo(7);
        assertThat(routed.payload()).isSameAs(PAYLOAD);
    }

    @Test
    void resolve_emptyTopicWithMappedAlias_fillsInTheTopic() {
        aliases.resolve(publish("sensors/1/temperature", 3));

        Publish routed = aliases.resolve(publish("", 3));

        assertThat(routed.topic()).isEqualTo("sensors/1/temperature");
        assertThat(routed.properties().topicAlias()).isNull();
    }

    @Test
    void resolve_aliasRemapped_usesTheNewTopic() {
        aliases.resolve(publish("first/topic", 1));
        aliases.resolve(publish("second/topic", 1));

        assertThat(aliases.resolve(publish("", 1)).topic()).isEqualTo("second/topic");
    }

    @Test
    void resolve_everyAliasUpToTheMaximum_isAccepted() {
        // [MQTT-3.3.2-12] the server accepts every alias from 1 to the maximum it announced
        for (int alias = 1; alias <= 10; alias++) {
            aliases.resolve(publish("t/" + alias, alias));
        }
        for (int alias = 1; alias <= 10; alias++) {
            assertThat(aliases.resolve(publish("", alias)).topic()).isEqualTo("t/" + alias);
        }
    }

    @Test
    void resolve_aliasAboveMaximum_isTopicAliasInvalid() {
        // [MQTT-3.2.2-17] [MQTT-3.3.2-9]
        assertThatThrownBy(() -> aliases.resolve(publish("t", 11)))
                .isInstanceOfSatisfying(MalformedPacketException.class,
                        e -> assertThat(e.reasonCode()).isEqualTo(ReasonCode.TOPIC_ALIAS_INVALID));
    }

    @Test
    void resolve_aliasZero_isTopicAliasInvalid() {
        // [MQTT-3.3.2-8]
        assertThatThrownBy(() -> aliases.resolve(publish("t", 0)))
                .isInstanceOfSatisfying(MalformedPacketException.class,
                        e -> assertThat(e.reasonCode()).isEqualTo(ReasonCode.TOPIC_ALIAS_INVALID));
    }

    @Test
    void resolve_noAliasesAnnounced_everyAliasIsInvalid() {
        // [MQTT-3.2.2-18] no Topic Alias Maximum in CONNACK: no alias allowed
        var none = new InboundTopicAliases(0);

        assertThatThrownBy(() -> none.resolve(publish("t", 1)))
                .isInstanceOfSatisfying(MalformedPacketException.class,
                        e -> assertThat(e.reasonCode()).isEqualTo(ReasonCode.TOPIC_ALIAS_INVALID));
    }

    @Test
    void resolve_emptyTopicWithUnmappedAlias_isProtocolError() {
        aliases.resolve(publish("t/1", 1));

        assertThatThrownBy(() -> aliases.resolve(publish("", 2)))
                .isInstanceOfSatisfying(MalformedPacketException.class,
                        e -> assertThat(e.reasonCode()).isEqualTo(ReasonCode.PROTOCOL_ERROR));
    }

    @Test
    void resolve_newTable_knowsNothingOfAnEarlierConnection() {
        // [MQTT-3.3.2-7] mappings belong to one connection
        aliases.resolve(publish("t/1", 1));
        var nextConnection = new InboundTopicAliases(10);

        assertThatThrownBy(() -> nextConnection.resolve(publish("", 1)))
                .isInstanceOfSatisfying(MalformedPacketException.class,
                        e -> assertThat(e.reasonCode()).isEqualTo(ReasonCode.PROTOCOL_ERROR));
    }

    @Test
    void resolve_otherProperties_areKeptInOrder() {
        var properties = new PublishProperties(null, 60L, 2, "reply/to", new byte[] {9},
                List.of(new UserProperty("k", "v1"), new UserProperty("k", "v2")), List.of(), "text/plain");
        var publish = new Publish("t/x", Qos.AT_MOST_ONCE, false, false, 0, PAYLOAD, properties);

        PublishProperties routed = aliases.resolve(publish).properties();

        assertThat(routed.topicAlias()).isNull();
        assertThat(routed.messageExpiryInterval()).isEqualTo(60L);
        assertThat(routed.responseTopic()).isEqualTo("reply/to");
        assertThat(routed.correlationData()).isSameAs(properties.correlationData());
        assertThat(routed.userProperties()).containsExactly(new UserProperty("k", "v1"), new UserProperty("k", "v2"));
        assertThat(routed.contentType()).isEqualTo("text/plain");
    }
}
