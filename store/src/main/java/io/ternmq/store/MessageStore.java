package io.ternmq.store;

import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.LongConsumer;

/**
 * The message table: each payload held by persistent sessions stored once, by id. The core counts references in
 * memory and removes a message when its last queue or in-flight entry goes; recovery removes any message nothing
 * refers to (a crash may come between the two). Implementations are thread-safe.
 */
public interface MessageStore {

    void put(StoredMessage message);

    void remove(long id);

    Optional<StoredMessage> find(long id);

    /** Every stored message in id order; for recovery. */
    void forEach(Consumer<StoredMessage> sink);

    /** Every stored message's id in id order, without reading payloads; for recovery. */
    void forEachId(LongConsumer sink);
}
