package io.ternmq.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;

/** CPU time of this (generator) process, and the resident memory of another (the broker) from /proc. */
final class ProcessStats {

    private ProcessStats() {
    }

    /** CPU time used by this JVM so far, in nanoseconds, or 0 where the platform does not tell. */
    static long ownCpuNanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return Math.max(0, os.getProcessCpuTime());
        }
        return 0;
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
