package io.ternmq.testkit;

import java.util.ArrayList;
import java.util.List;

/**
 * A non-PUBLISH MQTT 5.0 packet as read off the wire, split by hand (chapter 3): CONNACK, PUBACK, PUBREC, PUBREL,
 * PUBCOMP, SUBACK, UNSUBACK, PINGRESP, DISCONNECT or AUTH. Fields a packet type does not have are 0 or empty; a
 * reason code the sender left out (the short forms of sections 3.4.2.1, 3.14.2.1, 3.15.2.1) reads as 0x00.
 *
 * @param type         the packet type, the high nibble of the first byte (2 = CONNACK ... 15 = AUTH)
 * @param connackFlags the Connect Acknowledge Flags of a CONNACK (bit 0 = Session Present)
 * @param reasonCodes  the per-filter reason codes of a SUBACK or UNSUBACK
 */
public record ReceivedMqtt5Packet(int type, int packetId, int connackFlags, int reasonCode, List<Integer> reasonCodes,
                                  ReceivedProperties properties, byte[] bytes) {

    public static final int CONNACK = 2;
    public static final int PUBACK = 4;
    public static final int PUBREC = 5;
    public static final int PUBREL = 6;
    public static final int PUBCOMP = 7;
    public static final int SUBACK = 9;
    public static final int UNSUBACK = 11;
    public static final int PINGRESP = 13;
    public static final int DISCONNECT = 14;
    public static final int AUTH = 15;

    public ReceivedMqtt5Packet {
        reasonCodes = List.copyOf(reasonCodes);
    }

    public static ReceivedMqtt5Packet parse(byte[] packet) {
        int type = (packet[0] & 0xFF) >>> 4;
        WireReader reader = WireReader.afterFixedHeader(packet);
        return switch (type) {
            case CONNACK -> {
                int flags = reader.u8();
                int reason = reader.u8();
                yield new ReceivedMqtt5Packet(type, 0, flags, reason, List.of(), ReceivedProperties.read(reader),
                        packet);
            }
            case PUBACK, PUBREC, PUBREL, PUBCOMP -> {
                int id = reader.u16();
                int reason = reader.hasMore() ? reader.u8() : 0;
                ReceivedProperties properties = reader.hasMore() ? ReceivedProperties.read(reader)
                        : ReceivedProperties.none();
                yield new ReceivedMqtt5Packet(type, id, 0, reason, List.of(), properties, packet);
            }
            case SUBACK, UNSUBACK -> {
                int id = reader.u16();
                ReceivedProperties properties = ReceivedProperties.read(reader);
                List<Integer> codes = new ArrayList<>();
                while (reader.hasMore()) {
                    codes.add(reader.u8());
                }
                yield new ReceivedMqtt5Packet(type, id, 0, 0, codes, properties, packet);
            }
            case PINGRESP -> new ReceivedMqtt5Packet(type, 0, 0, 0, List.of(), ReceivedProperties.none(), packet);
            case DISCONNECT, AUTH -> {
                int reason = reader.hasMore() ? reader.u8() : 0;
                ReceivedProperties properties = reader.hasMore() ? ReceivedProperties.read(reader)
                        : ReceivedProperties.none();
                yield new ReceivedMqtt5Packet(type, 0, 0, reason, List.of(), properties, packet);
            }
            default -> throw new AssertionError("not a non-PUBLISH server packet: " + Hex.format(packet));
        };
    }

    /** Fails unless this is a packet of the given type. */
    public ReceivedMqtt5Packet expectType(int expected) {
        if (type != expected) {
            throw new AssertionError("expected packet type " + expected + " but got " + Hex.format(bytes));
        }
        return this;
    }

    public SessionPresent sessionPresent() {
        expectType(CONNACK);
        return (connackFlags & 1) != 0 ? SessionPresent.YES : SessionPresent.NO;
    }

    @Override
    public String toString() {
        return "packet(type=" + type + ", id=" + packetId + ", reason=0x" + Integer.toHexString(reasonCode)
                + ", codes=" + reasonCodes + ", properties=" + properties + ", bytes=" + Hex.format(bytes) + ")";
    }
}
