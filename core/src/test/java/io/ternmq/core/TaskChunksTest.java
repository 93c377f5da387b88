package io.ternmq.core;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Tasks keep their order across arrays that are never copied; the first array is sized for the batch expected. */
class TaskChunksTest {

    /** The arguments in order: the Runnables themselves for tasks added as Runnables. */
    private static List<Object> inOrder(TaskChunks chunks) {
        List<Object> arguments = new ArrayList<>();
        for (int c = 0; c < chunks.chunks(); c++) {
            Object[] chunk = chunks.chunk(c);
            for (int i = 0; i < chunks.filled(c); i++) {
                arguments.add(chunk[2 * i + 1]);
            }
        }
        return arguments;
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
        assertThat(chunks.chunk(0)).hasSize(2 * 10);
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
        assertThat(new TaskChunks(0).chunk(0)).hasSize(2 * 4);
        assertThat(new TaskChunks(50_000).chunk(0)).hasSize(2 * TaskChunks.CHUNK);
    }

    @Test
    void runnable_keptAsTheArgumentOfTheRunnableTask() {
        TaskChunks chunks = new TaskChunks(10);
        Runnable task = () -> { };

        chunks.add(task);

        assertThat(chunks.chunk(0)[0]).isSameAs(SessionTask.RUNNABLE);
        assertThat(chunks.chunk(0)[1]).isSameAs(task);
    }

    @Test
    void tasksWithArguments_pairedInOrder_acrossChunks() {
        TaskChunks chunks = new TaskChunks(4);
        List<Object> ran = new ArrayList<>();
        SessionTask record = ran::add;
        List<Object> arguments = new ArrayList<>();
        for (int i = 0; i < 4 + TaskChunks.CHUNK + 3; i++) {
            Object argument = i % 2 == 0 ? "message " + i : (Runnable) () -> ran.add("runnable");
            if (argument instanceof Runnable runnable) {
                chunks.add(runnable);
            } else {
                chunks.add(record, argument);
            }
            arguments.add(argument);
        }

        for (int c = 0; c < chunks.chunks(); c++) {
            Object[] chunk = chunks.chunk(c);
            for (int i = 0; i < chunks.filled(c); i++) {
                ((SessionTask) chunk[2 * i]).run(chunk[2 * i + 1]);
            }
        }

        assertThat(chunks.chunks()).isEqualTo(3);
        assertThat(inOrder(chunks)).containsExactlyElementsOf(arguments);
        assertThat(ran).hasSize(arguments.size());
        for (int i = 0; i < arguments.size(); i++) {
            assertThat(ran.get(i)).isEqualTo(i % 2 == 0 ? arguments.get(i) : "runnable");
        }
    }

    @Test
    void empty_oneEmptyChunk() {
        TaskChunks chunks = new TaskChunks(10);

        assertThat(chunks.size()).isZero();
        assertThat(chunks.chunks()).isEqualTo(1);
        assertThat(chunks.filled(0)).isZero();
    }
}
