package io.ternmq.core;

import io.ternmq.store.StorageMode;
import io.ternmq.store.memory.InMemoryStorage;

import java.util.ArrayList;
import java.util.List;

/**
 * The in-memory twin posing as durable ({@code wal}) storage whose writes "complete" only when the test says so:
 * fences are held until {@link #completeWrites()}, so tests see what waits for the disk. {@link #fillBacklog()}
 * makes it report a writer above its high-water mark until the next {@link #completeWrites()}.
 */
final class HeldFenceStorage extends ForwardingStorage {

    private final List<Runnable> fences = new ArrayList<>();
    private final List<Runnable> drainWaiters = new ArrayList<>();
    private boolean backlogged;

    HeldFenceStorage() {
        super(new InMemoryStorage());
    }

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
}
