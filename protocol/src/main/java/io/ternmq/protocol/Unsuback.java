package io.ternmq.protocol;

import java.util.List;

/**
 * UNSUBACK (3.11). MQTT 5 adds one unsubscribe reason code value per filter, in order, and properties; before
 * 5 both are empty.
 */
public record Unsuback(int packetId, List<Integer> reasonCodes, AckProperties properties) implements MqttPacket {

    public Unsuback {
        reasonCodes = List.copyOf(reasonCodes);
    }

    public Unsuback(int packetId) {
        this(packetId, List.of(), AckProperties.EMPTY);
    }

    @Override
    public PacketType type() {
        return PacketType.UNSUBACK;
    }

    @Override
    public Unsuback withoutOptionalDiagnostics() {
        return properties.isEmpty() ? this : new Unsuback(packetId, reasonCodes, AckProperties.EMPTY);
    }
}
