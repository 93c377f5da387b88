package io.ternmq.store.rocksdb;

import io.ternmq.store.QueueStore;
import io.ternmq.store.QueuedMessage;

import java.util.List;
import java.util.function.Consumer;

/** Queue entries in their column family ({@link QueueCodec}). */
final class RocksQueueStore implements QueueStore {

    private final FamilyAccess family;

    RocksQueueStore(FamilyAccess family) {
        this.family = family;
    }

    @Override
    public void add(QueuedMessage message) {
        family.put(QueueCodec.key(message), QueueCodec.value(message));
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
    public List<QueuedMessage> page(String clientId, long afterSequence, int limit) {
        if (afterSequence == Long.MAX_VALUE) {
            return List.of();
        }
        return family.range(ClientKeys.key(clientId, afterSequence + 1), ClientKeys.rangeEnd(clientId), limit,
                QueueCodec::decode);
    }

    @Override
    public void forEach(Consumer<QueuedMessage> sink) {
        family.forEach(QueueCodec::decode, sink);
    }
}
