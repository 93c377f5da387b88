package io.ternmq.store.rocksdb;

import io.ternmq.store.StoredWill;
import io.ternmq.store.WillStore;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** Delayed wills in their column family ({@link WillCodec}). */
final class RocksWillStore implements WillStore {

    private final FamilyAccess family;

    RocksWillStore(FamilyAccess family) {
        this.family = family;
    }

    @Override
    public void put(StoredWill will) {
        family.put(WillCodec.key(will.clientId()), WillCodec.value(will));
    }

    @Override
    public void remove(String clientId) {
        family.delete(WillCodec.key(clientId));
    }

    @Override
    public Collection<StoredWill> all() {
        List<StoredWill> wills = new ArrayList<>();
        family.forEach(WillCodec::decode, wills::add);
        return wills;
    }
}
