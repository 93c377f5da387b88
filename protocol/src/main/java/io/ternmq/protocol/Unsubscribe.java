package io.ternmq.protocol;

import java.util.List;

/** UNSUBSCRIBE (3.10): at least one filter [MQTT-3.10.3-2]. {@code properties} is empty before MQTT 5. */
public record Unsubscribe(int packetId, List<String> topicFilters, UnsubscribeProperties properties)
        implements MqttPacket {

    public Unsubscribe {
        topicFilters = List.copyOf(topicFilters);
    }

    public Unsubscribe(int packetId, List<String> topicFilters) {
        this(packetId, topicFilters, UnsubscribeProperties.EMPTY);
    }

    @Override
    public PacketType type() {
        return PacketType.UNSUBSCRIBE;
    }
}
