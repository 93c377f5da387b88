package io.ternmq.protocol;

import java.util.List;

/** UNSUBSCRIBE (3.10): at least one filter [MQTT-3.10.3-2]. */
public record Unsubscribe(int packetId, List<String> topicFilters) implements MqttPacket {

    public Unsubscribe {
        topicFilters = List.copyOf(topicFilters);
    }

    @Override
    public PacketType type() {
        return PacketType.UNSUBSCRIBE;
    }
}
