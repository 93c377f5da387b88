package io.ternmq.core;

import org.jspecify.annotations.Nullable;

import java.util.ArrayList;
import java.util.List;

/**
 * Tasks in the order they were added, in arrays that are never copied: one turn of an IO thread can batch tens of
 * thousands of inbound packets for its own session thread, and a list grown to that size by copies was a tenth of
 * a one-core fan-in's samples and two thirds of the bytes it allocated. The first array is sized for the batch
 * expected (most are small), every later one holds {@link #CHUNK} tasks. Each task is a {@link SessionTask} and its
 * argument side by side in one array (a {@link Runnable} is the argument of {@link SessionTask#RUNNABLE}). Only one
 * thread at a time touches it.
 */
final class TaskChunks {

    static final int CHUNK = 1_024;

    private final Object[] first;
    /** The arrays after the first, in order; null until the first one is full. */
    private @Nullable List<Object[]> more;
    private Object[] last;
    private int inLast;
    private int size;

    /** Room for {@code expected} tasks before a second array (between 4 and {@link #CHUNK}). */
    TaskChunks(int expected) {
        first = new Object[2 * Math.clamp(expected, 4, CHUNK)];
        last = first;
    }

    void add(Runnable task) {
        add(SessionTask.RUNNABLE, task);
    }

    void add(SessionTask task, Object argument) {
        if (2 * inLast == last.length) {
            last = new Object[2 * CHUNK];
            if (more == null) {
                more = new ArrayList<>();
            }
            more.add(last);
            inLast = 0;
        }
        last[2 * inLast] = task;
        last[2 * inLast + 1] = argument;
        inLast++;
        size++;
    }

    int size() {
        return size;
    }

    /** The arrays holding the tasks, in order: {@link #chunk} 0 to this minus one. */
    int chunks() {
        return more == null ? 1 : 1 + more.size();
    }

    /**
     * The {@code index}th array: task {@code i} is the {@link SessionTask} at {@code 2 * i} and its argument at
     * {@code 2 * i + 1}, for i from 0 to {@link #filled}; the rest is null.
     */
    Object[] chunk(int index) {
        return index == 0 ? first : more.get(index - 1);
    }

    /** How many tasks the {@code index}th array holds: all but the last are full. */
    int filled(int index) {
        return index == chunks() - 1 ? inLast : chunk(index).length / 2;
    }
}
