package io.ternmq.store.rocksdb;

import io.ternmq.store.InflightEntry;
import io.ternmq.store.InflightStore;

import java.util.function.Consumer;

/** In-flight entries in their column family ({@link InflightCodec}). */
final class RocksInflightStore implements InflightStore {

    private final FamilyAccess family;

    RocksInflightStore(FamilyAccess family) {
        this.family = family;
    }

    @Override
    public void put(InflightEntry entry) {
        family.put(InflightCodec.key(entry), InflightCodec.value(entry));
    }

    @Override
    public void remove(String clientId, long sequence) {
        family.delete(ClientKeys.key(clientId, sequence));
    }

    @Override
    public void removeAll(String clientId) {
        family.deleteRange(ClientKeys.rangeStart(clientId), ClientKeys.rangeEnd(clientId));
    }

    @Override
    public void forEach(Consumer<InflightEntry> sink) {
        family.forEach(InflightCodec::decode, sink);
    }
}
