package io.ternmq.store.rocksdb;

import io.ternmq.store.InboundPacketId;
import io.ternmq.store.InboundPacketIdStore;

import java.util.function.Consumer;

/**
 * Column family {@code inbound_qos2}: unreleased inbound QoS 2 packet ids.
 * <pre>
 *   key   = {@link ClientKeys} (client id, packet id)
 *   value = empty
 * </pre>
 */
final class RocksInboundPacketIdStore implements InboundPacketIdStore {

    private static final byte[] EMPTY = new byte[0];

    private final FamilyAccess family;

    RocksInboundPacketIdStore(FamilyAccess family) {
        this.family = family;
    }

    @Override
    public void add(InboundPacketId id) {
        family.put(ClientKeys.key(id.clientId(), id.packetId()), EMPTY);
    }

    @Override
    public void remove(InboundPacketId id) {
        family.delete(ClientKeys.key(id.clientId(), id.packetId()));
    }

    @Override
    public void removeAll(String clientId) {
        family.deleteRange(ClientKeys.rangeStart(clientId), ClientKeys.rangeEnd(clientId));
    }

    @Override
    public void forEach(Consumer<InboundPacketId> sink) {
        family.forEach(RocksInboundPacketIdStore::decode, sink);
    }

    private static InboundPacketId decode(byte[] key, byte[] value) {
        long packetId = ClientKeys.number(key);
        if (value.length != 0 || packetId < 1 || packetId > 65_535) {
            throw new CorruptValueException("inbound packet id " + packetId);
        }
        return new InboundPacketId(ClientKeys.clientId(key), (int) packetId);
    }
}
