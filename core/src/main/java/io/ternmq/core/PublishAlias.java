package io.ternmq.core;

import io.ternmq.protocol.Publish;
import io.ternmq.protocol.PublishProperties;
import org.jspecify.annotations.Nullable;

import java.util.List;
import java.util.Objects;

/**
 * Copies of a PUBLISH with another topic and topic alias property (MQTT 5, 3.3.2.3.4), everything else kept. A
 * copy left without any property shares {@link PublishProperties#EMPTY}, which the encoder writes without
 * measuring.
 */
final class PublishAlias {

    /**
     * Properties holding nothing but an alias, one per alias the broker may use towards a client: the common case
     * (a message without properties) then allocates only the PUBLISH copy.
     */
    private static final PublishProperties[] ALIAS_ONLY = new PublishProperties[OutboundTopicAliases.MAX_CAPACITY];

    static {
        for (int i = 0; i < ALIAS_ONLY.length; i++) {
            ALIAS_ONLY[i] = new PublishProperties(null, null, i + 1, null, null, List.of(), List.of(), null);
        }
    }

    private PublishAlias() {
    }

    static Publish with(Publish publish, String topic, @Nullable Integer alias) {
        PublishProperties p = publish.properties();
        PublishProperties properties = Objects.equals(p.topicAlias(), alias) ? p : withAlias(p, alias);
        return new Publish(topic, publish.qos(), publish.retain(), publish.dup(), publish.packetId(),
                publish.payload(), properties);
    }

    private static PublishProperties withAlias(PublishProperties p, @Nullable Integer alias) {
        if (p == PublishProperties.EMPTY && alias != null && alias >= 1 && alias <= ALIAS_ONLY.length) {
            return ALIAS_ONLY[alias - 1];
        }
        if (alias == null && p.payloadFormatIndicator() == null && p.messageExpiryInterval() == null
                && p.responseTopic() == null && p.correlationData() == null && p.userProperties().isEmpty()
                && p.subscriptionIdentifiers().isEmpty() && p.contentType() == null) {
            return PublishProperties.EMPTY;
        }
        return new PublishProperties(p.payloadFormatIndicator(), p.messageExpiryInterval(), alias, p.responseTopic(),
                p.correlationData(), p.userProperties(), p.subscriptionIdentifiers(), p.contentType());
    }
}
