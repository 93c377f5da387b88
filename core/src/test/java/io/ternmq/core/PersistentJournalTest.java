package io.ternmq.core;

import io.ternmq.protocol.Publish;
import io.ternmq.protocol.Qos;
import io.ternmq.store.InflightEntry;
import io.ternmq.store.InflightStage;
import io.ternmq.store.QueuedMessage;
import io.ternmq.store.StoredMessage;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * A persistent session's outbound moves as the storage receives them: a crash keeps any prefix of the submitted
 * writes, so no move may be split where a prefix loses an acknowledged message.
 */
class PersistentJournalTest {

    private final HeldFenceStorage storage = new HeldFenceStorage();
    private final List<Publish> sent = new ArrayList<>();
    private final OutboundFlow.Sink sink = packet -> {
        if (packet instanceof Publish publish) {
            sent.add(publish);
        }
    };
    private final OutboundFlow flow = new OutboundFlow(1, 10, new PersistentJournal("c", storage));

    private Delivery stored(long id) {
        var row = PersistedMessage.store(new StoredMessage(id, "t", Qos.AT_LEAST_ONCE,
                ("m" + id).getBytes(StandardCharsets.UTF_8)), 1, storage.messages());
        return new Delivery("t", ("m" + id).getBytes(StandardCharsets.UTF_8), Qos.AT_LEAST_ONCE, false, id, row);
    }

    @Test
    void sent_fromTheQueue_isOneMoveSoNoCrashLeavesItNeitherQueuedNorInFlight() {
        flow.deliver(stored(1), sink);
        flow.deliver(stored(2), sink); // the window of one is full: queued
        List<Long> queued = new ArrayList<>();
        storage.queues().forEach(row -> queued.add(row.sequence()));
        assertThat(queued).containsExactly(2L);

        flow.onPuback(sent.getFirst().packetId(), sink);

        assertThat(storage.moves()).extracting(InflightEntry::sequence, InflightEntry::stage)
                .containsExactly(tuple(2L, InflightStage.PUBLISH_SENT));
        assertThat(storage.queues().page("c", 0, 10)).extracting(QueuedMessage::sequence).isEmpty();
        List<Long> inflight = new ArrayList<>();
        storage.inflight().forEach(row -> inflight.add(row.sequence()));
        assertThat(inflight).containsExactly(2L);
    }

    @Test
    void sent_directly_recordsInFlightWithoutAMove() {
        flow.deliver(stored(1), sink);

        assertThat(storage.moves()).isEmpty();
        List<Long> inflight = new ArrayList<>();
        storage.inflight().forEach(row -> inflight.add(row.sequence()));
        assertThat(inflight).containsExactly(1L);
    }
}
