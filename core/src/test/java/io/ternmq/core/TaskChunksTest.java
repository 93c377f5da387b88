package io.ternmq.core;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Tasks keep their order across arrays that are never copied; the first array is sized for the batch expected. */
class TaskChunksTest {

    private static List<Runnable> inOrder(TaskChunks chunks) {
        List<Runnable> tasks = new ArrayList<>();
        for (int c = 0; c < chunks.chunks(); c++) {
            Runnable[] chunk = chunks.chunk(c);
            for (int i = 0; i < chunks.filled(c); i++) {
                tasks.add(chunk[i]);
            }
        }
        return tasks;
    }

    private static List<Runnable> addTasks(TaskChunks chunks, int count) {
        List<Runnable> added = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Runnable task = () -> { };
            chunks.add(task);
            added.add(task);
        }
        return added;
    }

    @Test
    void fewerThanExpected_oneArrayOfTheExpectedSize() {
        TaskChunks chunks = new TaskChunks(10);

        List<Runnable> added = addTasks(chunks, 7);

        assertThat(chunks.chunks()).isEqualTo(1);
        assertThat(chunks.chunk(0)).hasSize(10);
        assertThat(chunks.size()).isEqualTo(7);
        assertThat(inOrder(chunks)).containsExactlyElementsOf(added);
    }

    @Test
    void manyMore_inFullChunksAfterTheFirst_inOrder() {
        TaskChunks chunks = new TaskChunks(10);

        List<Runnable> added = addTasks(chunks, 10 + 2 * TaskChunks.CHUNK + 5);

        assertThat(chunks.chunks()).isEqualTo(4);
        assertThat(chunks.filled(0)).isEqualTo(10);
        assertThat(chunks.filled(1)).isEqualTo(TaskChunks.CHUNK);
        assertThat(chunks.filled(3)).isEqualTo(5);
        assertThat(chunks.size()).isEqualTo(added.size());
        assertThat(inOrder(chunks)).containsExactlyElementsOf(added);
    }

    @Test
    void expectedSize_keptBetweenFourAndOneChunk() {
        assertThat(new TaskChunks(0).chunk(0)).hasSize(4);
        assertThat(new TaskChunks(50_000).chunk(0)).hasSize(TaskChunks.CHUNK);
    }

    @Test
    void empty_oneEmptyChunk() {
        TaskChunks chunks = new TaskChunks(10);

        assertThat(chunks.size()).isZero();
        assertThat(chunks.chunks()).isEqualTo(1);
        assertThat(chunks.filled(0)).isZero();
    }
}
