package io.ternmq.core;

import io.ternmq.protocol.MqttPacket;
import io.ternmq.protocol.ProtocolVersion;
import io.ternmq.protocol.codec.PacketEncoder;
import org.jspecify.annotations.Nullable;

/**
 * The Maximum Packet Size an MQTT 5 client announced in its CONNECT (3.1.2.11.4): the broker never sends it a
 * larger packet [MQTT-3.1.2-24].
 * <p>
 * Why the core measures rather than the transport's encoder, which computes the same size anyway: a PUBLISH that
 * does not fit is discarded as if delivered [MQTT-3.1.2-25], and for QoS 1/2 that is a decision of the session's
 * outbound flow (no packet id, no in-flight entry waiting for an acknowledgement that can never come, the stored
 * row released), which the transport cannot make. One place deciding for every packet keeps the rule whole; the
 * cost, measuring each packet twice, falls only on clients that announced a limit. The protocol's
 * {@link PacketEncoder#encodedSize} is exact and allocates nothing.
 */
final class PacketSizeLimit {

    /** No limit: a 3.1.1 client, or a 5.0 client that announced none. */
    static final PacketSizeLimit NONE = new PacketSizeLimit(Long.MAX_VALUE);

    private static final PacketEncoder SIZES = new PacketEncoder();

    private final long maximum;

    private PacketSizeLimit(long maximum) {
        this.maximum = maximum;
    }

    /** {@code maximum}: the CONNECT's Maximum Packet Size property, null when absent (no limit). */
    static PacketSizeLimit of(@Nullable Long maximum) {
        if (maximum == null) {
            return NONE;
        }
        if (maximum < 1) {
            throw new IllegalArgumentException("maximum packet size must be positive, was " + maximum);
        }
        return new PacketSizeLimit(maximum);
    }

    boolean isLimited() {
        return maximum != Long.MAX_VALUE;
    }

    /** Whether the packet, encoded for MQTT 5, is within the limit. */
    boolean fits(MqttPacket packet) {
        return !isLimited() || SIZES.encodedSize(packet, ProtocolVersion.MQTT_5) <= maximum;
    }

    /**
     * The packet as it may be sent: itself when it fits, else without its reason string and user properties when
     * that fits ([MQTT-3.2.2-19] [MQTT-3.2.2-20] [MQTT-3.4.2-2] [MQTT-3.4.2-3] [MQTT-3.5.2-2] [MQTT-3.5.2-3]
     * [MQTT-3.6.2-2] [MQTT-3.6.2-3] [MQTT-3.7.2-2] [MQTT-3.7.2-3] [MQTT-3.9.2-1] [MQTT-3.9.2-2] [MQTT-3.11.2-1]
     * [MQTT-3.11.2-2] [MQTT-3.14.2-3] [MQTT-3.14.2-4] [MQTT-3.15.2-2] [MQTT-3.15.2-3]), else null: not sent at
     * all [MQTT-3.1.2-24].
     */
    @Nullable MqttPacket fitted(MqttPacket packet) {
        if (fits(packet)) {
            return packet;
        }
        MqttPacket plain = packet.withoutOptionalDiagnostics();
        return plain != packet && fits(plain) ? plain : null;
    }

    @Override
    public String toString() {
        return isLimited() ? maximum + " bytes" : "unlimited";
    }
}
