package io.ternmq.bench;

import org.jspecify.annotations.Nullable;

import java.util.Locale;

/**
 * What one scenario measured over its measurement window (the warm-up excluded).
 *
 * @param sentPerSecond     PUBLISH packets the generator sent per second
 * @param receivedPerSecond PUBLISH packets its subscribers received per second (deliveries, for fan-out)
 * @param errors            refused or dropped connections and protocol errors
 * @param generatorCpu      CPU the generator process used, in cores (1.0 = one core busy all the time)
 * @param brokerCpu         CPU the broker process used, in cores; zeros without its pid. Throughput per broker
 *                          CPU-second is the per-core efficiency, and it is robust against other load
 */
public record ScenarioResult(String scenario, int publishers, int subscribers, double seconds, double sentPerSecond,
                             double receivedPerSecond, long errors, double generatorCpu,
                             BrokerCpu brokerCpu, @Nullable Latency latency, @Nullable Memory memory) {

    /**
     * Latency percentiles in microseconds, from the intended send time to the arrival.
     *
     * @param generatorBusyPolled whether the generator's loops polled ({@link BusyPollStrategy}) or slept, in which
     *                            case their wake-ups are part of every figure
     */
    public record Latency(long count, double p50, double p90, double p99, double p999, double max,
                          boolean generatorBusyPolled) {
    }

    /**
     * Resident memory of the broker process, from /proc/&lt;pid&gt;/status, before opening the idle connections,
     * once half of them were open ({@code -1} when not measured) and after; absent when no broker pid was given.
     */
    public record Memory(int connections, long rssBeforeKib, long rssHalfwayKib, long rssAfterKib) {

        public Memory(int connections, long rssBeforeKib, long rssAfterKib) {
            this(connections, rssBeforeKib, -1, rssAfterKib);
        }

        /** The growth averaged over all the connections, one-off costs of a fresh process included. */
        public double bytesPerConnection() {
            return (rssAfterKib - rssBeforeKib) * 1024.0 / connections;
        }

        /**
         * The growth per connection of the second half alone: what one more connection costs once the first ones
         * paid the one-off costs (code compiled, pools and caches grown); NaN when not measured.
         */
        public double marginalBytesPerConnection() {
            return rssHalfwayKib < 0 ? Double.NaN
                    : (rssAfterKib - rssHalfwayKib) * 1024.0 / (connections - connections / 2);
        }
    }

    /** One human-readable summary line. */
    public String line() {
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT,
                "%-12s pubs=%-4d subs=%-5d sent=%,.0f/s received=%,.0f/s errors=%d gen-cpu=%.2f broker-cpu=%.2f",
                scenario, publishers, subscribers, sentPerSecond, receivedPerSecond, errors, generatorCpu,
                brokerCpu.total()));
        if (latency != null) {
            line.append(String.format(Locale.ROOT,
                    " p50=%.0fus p90=%.0fus p99=%.0fus p99.9=%.0fus max=%.0fus (n=%d, generator %s)", latency.p50(),
                    latency.p90(), latency.p99(), latency.p999(), latency.max(), latency.count(),
                    latency.generatorBusyPolled() ? "busy-polled" : "slept"));
        }
        if (memory != null) {
            line.append(String.format(Locale.ROOT, " rss=%d->%d KiB per-connection=%.0f B", memory.rssBeforeKib(),
                    memory.rssAfterKib(), memory.bytesPerConnection()));
            if (memory.rssHalfwayKib() >= 0) {
                line.append(String.format(Locale.ROOT, " marginal=%.0f B", memory.marginalBytesPerConnection()));
            }
        }
        return line.toString();
    }

    /** One JSON object on one line. */
    public String json() {
        StringBuilder json = new StringBuilder(String.format(Locale.ROOT,
                "{\"scenario\":\"%s\",\"publishers\":%d,\"subscribers\":%d,\"seconds\":%.3f,\"sentPerSecond\":%.1f,"
                        + "\"receivedPerSecond\":%.1f,\"errors\":%d,\"generatorCpu\":%.3f,\"brokerCpu\":%.3f,"
                        + "\"brokerGcCpu\":%.3f,\"brokerJitCpu\":%.3f", scenario, publishers, subscribers, seconds,
                sentPerSecond, receivedPerSecond, errors, generatorCpu, brokerCpu.total(), brokerCpu.gc(),
                brokerCpu.jit()));
        if (latency != null) {
            json.append(String.format(Locale.ROOT,
                    ",\"latencyCount\":%d,\"p50Micros\":%.1f,\"p90Micros\":%.1f,\"p99Micros\":%.1f,"
                            + "\"p999Micros\":%.1f,\"maxMicros\":%.1f,\"generatorBusyPolled\":%b",
                    latency.count(), latency.p50(), latency.p90(), latency.p99(), latency.p999(), latency.max(),
                    latency.generatorBusyPolled()));
        }
        if (memory != null) {
            json.append(String.format(Locale.ROOT,
                    ",\"connections\":%d,\"rssBeforeKib\":%d,\"rssAfterKib\":%d,\"bytesPerConnection\":%.1f",
                    memory.connections(), memory.rssBeforeKib(), memory.rssAfterKib(), memory.bytesPerConnection()));
            if (memory.rssHalfwayKib() >= 0) {
                json.append(String.format(Locale.ROOT, ",\"rssHalfwayKib\":%d,\"marginalBytesPerConnection\":%.1f",
                        memory.rssHalfwayKib(), memory.marginalBytesPerConnection()));
            }
        }
        return json.append('}').toString();
    }
}
