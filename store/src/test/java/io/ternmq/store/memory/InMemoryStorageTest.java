package io.ternmq.store.memory;

import io.ternmq.store.Storage;
import io.ternmq.store.StorageContract;

class InMemoryStorageTest extends StorageContract {

    @Override
    protected Storage open() {
        return new InMemoryStorage();
    }
}
