package io.ternmq.protocol;

/**
 * One MQTT control packet. Every packet is an immutable record; the codec turns bytes into these and back,
 * and nothing else in the broker sees bytes or Netty buffers.
 */
public sealed interface MqttPacket
        permits Connect, Connack, Publish, Puback, Pubrec, Pubrel, Pubcomp, Subscribe, Suback, Unsubscribe,
                Unsuback, Pingreq, Pingresp, Disconnect {

    PacketType type();
}
