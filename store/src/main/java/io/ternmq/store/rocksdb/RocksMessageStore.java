package io.ternmq.store.rocksdb;

import io.ternmq.store.MessageStore;
import io.ternmq.store.StoredMessage;

import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.LongConsumer;

/** The message table in its column family ({@link MessageCodec}). */
final class RocksMessageStore implements MessageStore {

    private final FamilyAccess family;

    RocksMessageStore(FamilyAccess family) {
        this.family = family;
    }

    @Override
    public void put(StoredMessage message) {
        family.put(MessageCodec.key(message.id()), MessageCodec.value(message));
    }

    @Override
    public void remove(long id) {
        family.delete(MessageCodec.key(id));
    }

    @Override
    public Optional<StoredMessage> find(long id) {
        return Optional.ofNullable(family.get(MessageCodec.key(id), MessageCodec::decode));
    }

    @Override
    public void forEach(Consumer<StoredMessage> sink) {
        family.forEach(MessageCodec::decode, sink);
    }

    @Override
    public void forEachId(LongConsumer sink) {
        family.forEachKey(MessageCodec::id, sink::accept);
    }
}
