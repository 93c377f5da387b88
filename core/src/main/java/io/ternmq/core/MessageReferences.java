package io.ternmq.core;

import java.util.Arrays;

/**
 * The message ids that recovery found referenced by queue and in-flight rows, one entry per holder, in a plain
 * {@code long[]} (8 bytes a row, no boxing: a million rows cost 8 MB, and only while recovery runs). Once
 * {@link #sort()}ed it answers how many holders an id has.
 */
final class MessageReferences {

    private long[] ids = new long[1024];
    private int size;
    private boolean sorted;

    void add(long id) {
        if (size == ids.length) {
            ids = Arrays.copyOf(ids, ids.length * 2);
        }
        ids[size++] = id;
        sorted = false;
    }

    void sort() {
        Arrays.sort(ids, 0, size);
        sorted = true;
    }

    /** Holders of {@code id}; after {@link #sort()}. */
    int count(long id) {
        assert sorted;
        int at = Arrays.binarySearch(ids, 0, size, id);
        if (at < 0) {
            return 0;
        }
        int first = at;
        while (first > 0 && ids[first - 1] == id) {
            first--;
        }
        int last = at;
        while (last + 1 < size && ids[last + 1] == id) {
            last++;
        }
        return last - first + 1;
    }

    /** Calls {@code sink} once per id with more than one holder; after {@link #sort()}. */
    void forEachShared(SharedSink sink) {
        assert sorted;
        int i = 0;
        while (i < size) {
            int j = i + 1;
            while (j < size && ids[j] == ids[i]) {
                j++;
            }
            if (j - i > 1) {
                sink.shared(ids[i], j - i);
            }
            i = j;
        }
    }

    @FunctionalInterface
    interface SharedSink {
        void shared(long id, int holders);
    }
}
