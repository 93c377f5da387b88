package io.ternmq.core;

import io.ternmq.store.InboundPacketIdStore;
import io.ternmq.store.InflightStore;
import io.ternmq.store.MessageStore;
import io.ternmq.store.QueueStore;
import io.ternmq.store.RetainedMessageStore;
import io.ternmq.store.SessionStore;
import io.ternmq.store.Storage;
import io.ternmq.store.StorageMode;
import io.ternmq.store.WillStore;
import io.ternmq.store.memory.InMemoryStorage;

import java.util.ArrayList;
import java.util.List;

/**
 * The in-memory twin posing as durable ({@code wal}) storage whose writes "complete" only when the test says so:
 * fences are held until {@link #completeWrites()}, so tests see what waits for the disk. {@link #fillBacklog()}
 * makes it report a writer above its high-water mark until the next {@link #completeWrites()}.
 */
final class HeldFenceStorage implements Storage {

    private final InMemoryStorage data = new InMemoryStorage();
    private final List<Runnable> fences = new ArrayList<>();
    private final List<Runnable> drainWaiters = new ArrayList<>();
    private boolean backlogged;

    synchronized void completeWrites() {
        List<Runnable> due = List.copyOf(fences);
        fences.clear();
        due.forEach(Runnable::run);
        backlogged = false;
        List<Runnable> drained = List.copyOf(drainWaiters);
        drainWaiters.clear();
        drained.forEach(Runnable::run);
    }

    synchronized void fillBacklog() {
        backlogged = true;
    }

    @Override
    public synchronized boolean isBacklogged() {
        return backlogged;
    }

    @Override
    public synchronized void whenDrained(Runnable callback) {
        if (backlogged) {
            drainWaiters.add(callback);
        } else {
            callback.run();
        }
    }

    synchronized int heldFences() {
        return fences.size();
    }

    @Override
    public synchronized void afterWrites(Runnable callback) {
        fences.add(callback);
    }

    @Override
    public StorageMode mode() {
        return StorageMode.WAL;
    }

    @Override
    public SessionStore sessions() {
        return data.sessions();
    }

    @Override
    public MessageStore messages() {
        return data.messages();
    }

    @Override
    public QueueStore queues() {
        return data.queues();
    }

    @Override
    public InflightStore inflight() {
        return data.inflight();
    }

    @Override
    public InboundPacketIdStore inboundPacketIds() {
        return data.inboundPacketIds();
    }

    @Override
    public RetainedMessageStore retained() {
        return data.retained();
    }

    @Override
    public WillStore wills() {
        return data.wills();
    }

    @Override
    public void close() {
        data.close();
    }
}
