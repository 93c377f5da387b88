package io.ternmq.protocol;

/**
 * One MQTT control packet. Every packet is an immutable record; the codec turns bytes into these and back,
 * and nothing else in the broker sees bytes or Netty buffers.
 */
public sealed interface MqttPacket
        permits Connect, Connack, Publish, Puback, Pubrec, Pubrel, Pubcomp, Subscribe, Suback, Unsubscribe,
                Unsuback, Pingreq, Pingresp, Disconnect, Auth {

    PacketType type();

    /**
     * This packet without the MQTT 5 properties a sender may leave out to respect the receiver's maximum packet
     * size: the reason string and the user properties of CONNACK, the acknowledgements, DISCONNECT and AUTH
     * [MQTT-3.1.2-25] [MQTT-3.2.2-19] [MQTT-3.2.2-20]. Packets without such properties return themselves.
     */
    default MqttPacket withoutOptionalDiagnostics() {
        return this;
    }
}
