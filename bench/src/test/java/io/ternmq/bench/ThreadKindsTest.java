package io.ternmq.bench;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ThreadKindsTest {

    @TempDir
    Path tasks;

    /** Ticks of 10 ms: utime and stime of each thread count, the command name may hold spaces and parentheses. */
    @Test
    void gcAndJitNanos_sumsTheCollectorsAndTheCompilersThreads_notTheOthers() throws IOException {
        thread(101, "GC Thread#0", 3, 1);
        thread(102, "G1 Refine#0", 2, 0);
        thread(103, "VM Thread", 1, 1);
        thread(104, "C2 CompilerThre", 40, 2);
        thread(105, "C1 CompilerThre", 5, 0);
        thread(106, "ternmq-io-3-1", 700, 90);
        thread(107, "odd (name) x", 9, 9);

        ProcessStats.CpuNanos cpu = ThreadKinds.gcAndJitNanos(tasks);

        assertThat(cpu.gc()).isEqualTo(8 * 10_000_000L);
        assertThat(cpu.jit()).isEqualTo(47 * 10_000_000L);
        assertThat(cpu.total()).isZero();
    }

    /** A thread that ended while the directory was read: here a stat that cannot be read as a file. */
    @Test
    void gcAndJitNanos_aThreadEndsMidRead_isLeftOut() throws IOException {
        thread(101, "GC Thread#0", 3, 1);
        Files.createDirectories(tasks.resolve("102").resolve("stat"));

        ProcessStats.CpuNanos cpu = ThreadKinds.gcAndJitNanos(tasks);

        assertThat(cpu.gc()).isEqualTo(4 * 10_000_000L);
    }

    @Test
    void gcAndJitNanos_noThreadReadable_fails() throws IOException {
        Files.createDirectories(tasks.resolve("102").resolve("stat"));

        assertThatThrownBy(() -> ThreadKinds.gcAndJitNanos(tasks)).isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("cannot read any");
    }

    @Test
    void brokerCpuNanos_ofThisJvm_readsItsThreads() {
        ProcessStats.CpuNanos cpu = ProcessStats.brokerCpuNanos(OptionalLong.of(ProcessHandle.current().pid()));

        assertThat(cpu.total()).isPositive().isGreaterThanOrEqualTo(cpu.gc() + cpu.jit());
        assertThat(cpu.gc()).isNotNegative();
        assertThat(cpu.jit()).isNotNegative();
    }

    private void thread(int tid, String name, long utime, long stime) throws IOException {
        Path dir = Files.createDirectory(tasks.resolve(Integer.toString(tid)));
        Files.writeString(dir.resolve("stat"), tid + " (" + name + ") S 1 1 1 0 -1 4194368 500 0 0 0 " + utime + " "
                + stime + " 0 0 20 0 40 0 100 0 0\n");
    }
}
