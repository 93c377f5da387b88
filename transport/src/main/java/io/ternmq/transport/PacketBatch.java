package io.ternmq.transport;

import io.ternmq.protocol.MqttPacket;

import java.util.List;

/**
 * Packets that one drain of a channel's queue writes together, in order. {@link MqttPacketEncoder} encodes them
 * into as few buffers as fit, so that a burst costs one buffer, one pipeline pass and one outbound-buffer entry
 * per few kilobytes instead of per packet.
 */
record PacketBatch(List<MqttPacket> packets) {
}
