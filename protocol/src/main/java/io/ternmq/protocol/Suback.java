package io.ternmq.protocol;

import java.util.List;

/** SUBACK (3.9): one return code per filter, in order: the granted QoS 0..2, or {@link #FAILURE}. */
public record Suback(int packetId, List<Integer> returnCodes) implements MqttPacket {

    public static final int FAILURE = 0x80;

    public Suback {
        returnCodes = List.copyOf(returnCodes);
    }

    @Override
    public PacketType type() {
        return PacketType.SUBACK;
    }
}
