package io.ternmq.protocol;

import java.util.List;

/** SUBSCRIBE (3.8): at least one filter [MQTT-3.8.3-3]. */
public record Subscribe(int packetId, List<TopicSubscription> subscriptions) implements MqttPacket {

    public Subscribe {
        subscriptions = List.copyOf(subscriptions);
    }

    @Override
    public PacketType type() {
        return PacketType.SUBSCRIBE;
    }
}
