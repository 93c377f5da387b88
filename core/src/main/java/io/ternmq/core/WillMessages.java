package io.ternmq.core;

import io.ternmq.protocol.PublishProperties;
import io.ternmq.protocol.WillProperties;

import java.util.List;

/**
 * How a will becomes a PUBLISH: its MQTT 5 will properties travel as the message's properties, the user properties
 * in their order [MQTT-3.1.3-10].
 */
final class WillMessages {

    private WillMessages() {
    }

    static PublishProperties publishProperties(WillProperties will) {
        if (will.equals(WillProperties.EMPTY)) {
            return PublishProperties.EMPTY;
        }
        return new PublishProperties(will.payloadFormatIndicator(), will.messageExpiryInterval(), null,
                will.responseTopic(), will.correlationData(), will.userProperties(), List.of(), will.contentType());
    }
}
