package io.ternmq.protocol;

import java.util.List;

/** SUBSCRIBE (3.8): at least one filter [MQTT-3.8.3-3]. {@code properties} is empty before MQTT 5. */
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
