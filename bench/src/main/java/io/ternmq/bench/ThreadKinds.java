package io.ternmq.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU time of another process's garbage collector and JIT compiler threads, from the per-thread stat files under
 * /proc/&lt;pid&gt;/task. HotSpot names them (the kernel keeps 15 characters): "GC Thread#0", "G1 Refine#0",
 * "G1 Conc#0", "G1 Main Marker", "G1 Service", "VM Thread"; "C1 CompilerThre", "C2 CompilerThre".
 */
final class ThreadKinds {

    private ThreadKinds() {
    }

    /**
     * CPU time so far of the collector's and the compiler's threads still alive; total is left 0. A thread that ends
     * while it is read is left out: its stat file is then gone (ENOENT) or refuses the read (ESRCH, "No such
     * process"). Only when no thread can be read at all is that an error.
     */
    static ProcessStats.CpuNanos gcAndJitNanos(Path taskDirectory) {
        long gc = 0;
        long jit = 0;
        int read = 0;
        IOException unread = null;
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(taskDirectory)) {
            for (Path task : tasks) {
                String stat;
                try {
                    stat = Files.readString(task.resolve("stat"));
                } catch (IOException ended) {
                    unread = ended;
                    continue;
                }
                read++;
                String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                if (isCollector(name)) {
                    gc += ProcessStats.cpuNanos(stat);
                } else if (name.startsWith("C1 Compiler") || name.startsWith("C2 Compiler")) {
                    jit += ProcessStats.cpuNanos(stat);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the broker's threads from " + taskDirectory, e);
        }
        if (read == 0 && unread != null) {
            throw new UncheckedIOException("cannot read any of the broker's threads in " + taskDirectory, unread);
        }
        return new ProcessStats.CpuNanos(0, gc, jit);
    }

    private static boolean isCollector(String name) {
        return name.startsWith("GC Thread") || name.startsWith("G1 ") || name.equals("VM Thread");
    }
}
