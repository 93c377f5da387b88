package io.ternmq.store;

/** A QoS 2 packet id a persistent session received and whose PUBREL has not come yet [MQTT-4.3.3-2]. */
public record InboundPacketId(String clientId, int packetId) {
}
