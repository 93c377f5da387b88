package io.ternmq.core;

import io.ternmq.store.InflightEntry;
import io.ternmq.store.InflightStage;
import io.ternmq.store.QueuedMessage;
import io.ternmq.store.Storage;

/**
 * Writes a persistent session's outbound moves through to storage: queue rows, in-flight rows and their stage,
 * and the release of message rows. Every write is submitted in the order the session made the move, so the store
 * never sees a row's removal before its creation.
 */
final class PersistentJournal implements OutboundJournal {

    private final String clientId;
    private final Storage storage;

    PersistentJournal(String clientId, Storage storage) {
        this.clientId = clientId;
        this.storage = storage;
    }

    @Override
    public void queued(Delivery delivery) {
        PersistedMessage row = delivery.stored();
        if (row != null) {
            storage.queues().add(new QueuedMessage(clientId, delivery.sequence(), row.id(), delivery.qos(),
                    delivery.retain()));
        }
    }

    @Override
    public void sent(InflightMessage message, Origin origin) {
        Delivery delivery = message.delivery();
        PersistedMessage row = delivery.stored();
        if (row == null) {
            return;
        }
        InflightEntry sent = entry(message, row, InflightStage.PUBLISH_SENT);
        if (origin == Origin.QUEUE) {
            storage.moveToInflight(sent); // one write: a crash between the two would lose the message
        } else {
            storage.inflight().put(sent);
        }
    }

    @Override
    public void released(InflightMessage message) {
        PersistedMessage row = message.delivery().stored();
        if (row != null) {
            storage.inflight().put(entry(message, row, InflightStage.PUBREL_SENT));
            row.release(storage.messages());
        }
    }

    @Override
    public void completed(InflightMessage message) {
        PersistedMessage row = message.delivery().stored();
        if (row == null) {
            return;
        }
        storage.inflight().remove(clientId, message.delivery().sequence());
        if (message.stage() == InflightMessage.Stage.AWAITING_ACK) {
            row.release(storage.messages()); // a QoS 2 message let go of its row at PUBREC already
        }
    }

    @Override
    public void unqueued(Delivery delivery) {
        if (delivery.stored() != null) {
            storage.queues().remove(clientId, delivery.sequence());
        }
    }

    @Override
    public void dropped(Delivery delivery) {
        PersistedMessage row = delivery.stored();
        if (row != null) {
            row.release(storage.messages());
        }
    }

    private InflightEntry entry(InflightMessage message, PersistedMessage row, InflightStage stage) {
        Delivery delivery = message.delivery();
        return new InflightEntry(clientId, delivery.sequence(), message.publish().packetId(), row.id(),
                delivery.qos(), delivery.retain(), stage);
    }
}
