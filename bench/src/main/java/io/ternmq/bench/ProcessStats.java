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
            String line = Files.readString(stat);
            // fields after the command name (which may hold spaces): state is field 3, utime 14, stime 15
            String[] fields = line.substring(line.lastIndexOf(')') + 2).split(" ");
            long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
            return ticks * (1_000_000_000L / CLOCK_TICKS_PER_SECOND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the broker's CPU time from " + stat, e);
        }
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
