package io.ternmq.protocol;

/**
 * Which MQTT 5 reason code values each packet type may carry (sections 3.2.2.2, 3.4.2.1 ... 3.15.2.1).
 * A value outside its packet's set is a malformed packet.
 */
public final class ReasonCodes {

    private static final boolean[][] ALLOWED = new boolean[PacketType.values().length][];

    static {
        allow(PacketType.CONNACK, 0x00, 0x80, 0x81, 0x82, 0x83, 0x84, 0x85, 0x86, 0x87, 0x88, 0x89, 0x8A, 0x8C, 0x90,
                0x95, 0x97, 0x99, 0x9A, 0x9B, 0x9C, 0x9D, 0x9F);
        int[] publishAcks = {0x00, 0x10, 0x80, 0x83, 0x87, 0x90, 0x91, 0x97, 0x99};
        allow(PacketType.PUBACK, publishAcks);
        allow(PacketType.PUBREC, publishAcks);
        allow(PacketType.PUBREL, 0x00, 0x92);
        allow(PacketType.PUBCOMP, 0x00, 0x92);
        allow(PacketType.SUBACK, 0x00, 0x01, 0x02, 0x80, 0x83, 0x87, 0x8F, 0x91, 0x97, 0x9E, 0xA1, 0xA2);
        allow(PacketType.UNSUBACK, 0x00, 0x11, 0x80, 0x83, 0x87, 0x8F, 0x91);
        allow(PacketType.DISCONNECT, 0x00, 0x04, 0x80, 0x81, 0x82, 0x83, 0x87, 0x89, 0x8B, 0x8D, 0x8E, 0x8F, 0x90,
                0x93, 0x94, 0x95, 0x96, 0x97, 0x98, 0x99, 0x9A, 0x9B, 0x9C, 0x9D, 0x9E, 0x9F, 0xA0, 0xA1, 0xA2);
        allow(PacketType.AUTH, 0x00, 0x18, 0x19);
    }

    private ReasonCodes() {
    }

    private static void allow(PacketType type, int... values) {
        boolean[] allowed = new boolean[256];
        for (int v : values) {
            allowed[v] = true;
        }
        ALLOWED[type.ordinal()] = allowed;
    }

    /** True when {@code value} is a reason code that {@code type} may carry in MQTT 5. */
    public static boolean allowedIn(PacketType type, int value) {
        boolean[] allowed = ALLOWED[type.ordinal()];
        return allowed != null && value >= 0 && value < allowed.length && allowed[value];
    }
}
