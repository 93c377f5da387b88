package io.ternmq.protocol;

import java.util.List;

/**
 * SUBSCRIBE (3.8): at least one filter (3.1.1 [MQTT-3.8.3-3], 5.0 [MQTT-3.8.3-2]). {@code properties} is empty
 * before MQTT 5.
 */
public record Subscribe(int packetId, List<TopicSubscription> subscriptions, SubscribeProperties properties)
        implements MqttPacket {

    public Subscribe {
        subscriptions = List.copyOf(subscriptions);
    }

    public Subscribe(int packetId, List<TopicSubscription> subscriptions) {
        this(packetId, subscriptions, SubscribeProperties.EMPTY);
    }

    @Override
    public PacketType type() {
        return PacketType.SUBSCRIBE;
    }
}
