package io.ternmq.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;

/** CPU time of this (generator) process, and the resident memory of another (the broker) from /proc. */
final class ProcessStats {

    /** The Linux value of sysconf(_SC_CLK_TCK) on every common architecture. */
    private static final long CLOCK_TICKS_PER_SECOND = 100;

    private ProcessStats() {
    }

    /** CPU time used by this JVM so far, in nanoseconds, or 0 where the platform does not tell. */
    static long ownCpuNanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return Math.max(0, os.getProcessCpuTime());
        }
        return 0;
    }

    /**
     * CPU time (user + system) another process has used so far, in nanoseconds, from /proc/&lt;pid&gt;/stat; 0
     * when no pid is given. Resolution is one clock tick (10 ms).
     */
    static long processCpuNanos(OptionalLong pid) {
        if (pid.isEmpty()) {
            return 0;
        }
        Path stat = Path.of("/proc", Long.toString(pid.getAsLong()), "stat");
        try {
            return cpuNanos(Files.readString(stat));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the broker's CPU time from " + stat, e);
        }
    }

    /**
     * The CPU time (utime + stime) of one line of a /proc stat file, of a process or of one of its threads: fields
     * 14 and 15, counted after the command name, which may hold spaces and parentheses.
     */
    static long cpuNanos(String statLine) {
        String[] fields = statLine.substring(statLine.lastIndexOf(')') + 2).split(" ");
        long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        return ticks * (1_000_000_000L / CLOCK_TICKS_PER_SECOND);
    }

    /** The broker's CPU time so far: in all, and of its collector and its compiler threads; zeros without a pid. */
    static CpuNanos brokerCpuNanos(OptionalLong pid) {
        if (pid.isEmpty()) {
            return new CpuNanos(0, 0, 0);
        }
        CpuNanos threads = ThreadKinds.gcAndJitNanos(Path.of("/proc", Long.toString(pid.getAsLong()), "task"));
        return new CpuNanos(processCpuNanos(pid), threads.gc(), threads.jit());
    }

    /** CPU time in nanoseconds: of a whole process, and of its collector's and its JIT compiler's threads. */
    record CpuNanos(long total, long gc, long jit) {
    }

    /** The VmRSS line of /proc/&lt;pid&gt;/status, in KiB; empty when no pid is given. */
    static OptionalLong residentKib(OptionalLong pid) {
        if (pid.isEmpty()) {
            return OptionalLong.empty();
        }
        Path status = Path.of("/proc", Long.toString(pid.getAsLong()), "status");
        try {
            for (String line : Files.readAllLines(status)) {
                if (line.startsWith("VmRSS:")) {
                    return OptionalLong.of(Long.parseLong(line.substring(6).replace("kB", "").trim()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the broker's memory from " + status, e);
        }
        throw new IllegalStateException(status + " has no VmRSS line");
    }
}
