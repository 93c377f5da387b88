package io.ternmq.store;

import io.ternmq.protocol.Qos;

/**
 * An outbound message sent to a persistent session's client and not yet fully acknowledged: the packet id it went
 * out with (resent with the same id after a restart [MQTT-4.4.0-1]) and its stage. {@code sequence} is the one it
 * had in the queue, so recovery restores the order first sent.
 */
public record InflightEntry(String clientId, long sequence, int packetId, long messageId, Qos qos, boolean retain,
                            InflightStage stage) {

    public InflightEntry withStage(InflightStage next) {
        return new InflightEntry(clientId, sequence, packetId, messageId, qos, retain, next);
    }
}
