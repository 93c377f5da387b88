package io.ternmq.store.rocksdb;

import io.ternmq.store.RetainedMessage;
import io.ternmq.store.RetainedMessageStore;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** Retained messages in their column family ({@link RetainedCodec}). */
final class RocksRetainedStore implements RetainedMessageStore {

    private final FamilyAccess family;

    RocksRetainedStore(FamilyAccess family) {
        this.family = family;
    }

    @Override
    public void put(RetainedMessage message) {
        family.put(RetainedCodec.key(message.topic()), RetainedCodec.value(message));
    }

    @Override
    public void remove(String topic) {
        family.delete(RetainedCodec.key(topic));
    }

    @Override
    public Collection<RetainedMessage> all() {
        List<RetainedMessage> messages = new ArrayList<>();
        family.forEach(RetainedCodec::decode, messages::add);
        return messages;
    }
}
