package io.ternmq.protocol;

import java.util.List;

/**
 * SUBACK (3.9): one return code per filter, in order: the granted QoS 0..2, or {@link #FAILURE}; in MQTT 5 a
 * subscribe reason code value per filter. {@code properties} is empty before MQTT 5.
 */
public record Suback(int packetId, List<Integer> returnCodes, AckProperties properties) implements MqttPacket {

    public static final int FAILURE = 0x80;

    public Suback {
        returnCodes = List.copyOf(returnCodes);
    }

    public Suback(int packetId, List<Integer> returnCodes) {
        this(packetId, returnCodes, AckProperties.EMPTY);
    }

    @Override
    public PacketType type() {
        return PacketType.SUBACK;
    }

    @Override
    public Suback withoutOptionalDiagnostics() {
        return properties.isEmpty() ? this : new Suback(packetId, returnCodes, AckProperties.EMPTY);
    }
}
