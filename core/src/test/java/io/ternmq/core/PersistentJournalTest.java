package io.ternmq.core;

import io.ternmq.protocol.Publish;
import io.ternmq.protocol.Qos;
import io.ternmq.store.QueuedMessage;
import io.ternmq.store.Storage;
import io.ternmq.store.StoredMessage;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A persistent session's outbound moves as the storage receives them: a crash keeps any prefix of the submitted
 * writes, so no move may be split where a prefix loses an acknowledged message.
 */
class PersistentJournalTest {

    private final RecordingStorage recording = new RecordingStorage();
    private final List<Publish> sent = new ArrayList<>();
    private final OutboundFlow.Sink sink = packet -> {
        if (packet instanceof Publish publish) {
            sent.add(publish);
        }
    };
    private final OutboundFlow flow = new OutboundFlow(1, 10, new PersistentJournal("c", recording.storage()));

    private Delivery stored(long id) {
        byte[] payload = ("m" + id).getBytes(StandardCharsets.UTF_8);
        var row = PersistedMessage.store(new StoredMessage(id, "t", Qos.AT_LEAST_ONCE, payload), 1,
                recording.storage().messages());
        return new Delivery("t", payload, Qos.AT_LEAST_ONCE, false, id, row);
    }

    private static List<Long> queued(Storage rows) {
        return rows.queues().page("c", 0, 10).stream().map(QueuedMessage::sequence).toList();
    }

    private static List<Long> inflight(Storage rows) {
        List<Long> sequences = new ArrayList<>();
        rows.inflight().forEach(entry -> sequences.add(entry.sequence()));
        return sequences;
    }

    @Test
    void sent_fromTheQueue_noCrashPointLeavesItNeitherQueuedNorInFlight() {
        flow.deliver(stored(1), sink);
        flow.deliver(stored(2), sink); // the window of one is full: queued
        assertThat(queued(recording.storage())).containsExactly(2L);
        int before = recording.writeCount();

        flow.onPuback(sent.getFirst().packetId(), sink);

        for (int cut = before; cut <= recording.writeCount(); cut++) {
            Storage rows = recording.replay(cut);
            assertThat(queued(rows).contains(2L) || inflight(rows).contains(2L))
                    .as("message 2 after a crash keeping %d of %d writes", cut, recording.writeCount()).isTrue();
        }
        assertThat(queued(recording.storage())).isEmpty();
        assertThat(inflight(recording.storage())).containsExactly(2L);
    }

    @Test
    void sent_directly_recordsItInFlight() {
        flow.deliver(stored(1), sink);

        assertThat(queued(recording.storage())).isEmpty();
        assertThat(inflight(recording.storage())).containsExactly(1L);
    }
}
