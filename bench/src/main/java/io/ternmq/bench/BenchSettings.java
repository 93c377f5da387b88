package io.ternmq.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What every scenario shares: the broker's address, how long to warm up and measure, the message size, and the
 * sizes of the scenarios that have one.
 *
 * @param window      QoS 1/2 messages a publisher may have unacknowledged (flow control, like a receive maximum)
 * @param latencyRate messages per second, summed over the latency scenario's publishers
 * @param latencyBusyPoll the latency scenario's event loops never sleep ({@link BusyPollStrategy}), when each has a
 *                    processor to itself
 * @param latencyTrace where the latency scenario writes each measured message's intended send time and latency
 *                    ({@link LatencyTrace})
 * @param offeredRate messages per second, summed over a throughput scenario's publishers and paced; 0 publishes as
 *                    fast as the broker takes them. Below the broker's ceiling its CPU per message can be compared
 *                    between setups (one IO loop against two) that a saturating run would also load differently.
 * @param brokerPid   when known, the broker's resident memory is read from /proc/&lt;pid&gt;/status
 */
public record BenchSettings(String host, int port, Duration warmup, Duration duration, int messageSize,
                            int ioThreads, int window, int latencyRate, int latencyPairs, boolean latencyBusyPoll,
                            Optional<Path> latencyTrace, int offeredRate, int connections, Sizes sizes,
                            OptionalLong brokerPid) {

    /** The smallest payload: the latency scenario writes the intended send time into its first 8 bytes. */
    public static final int MIN_MESSAGE_SIZE = 8;

    public BenchSettings {
        if (messageSize < MIN_MESSAGE_SIZE) {
            throw new IllegalArgumentException("message size must be at least " + MIN_MESSAGE_SIZE + " bytes");
        }
        if (window < 1 || window > 65_535) {
            throw new IllegalArgumentException("window must be 1..65535, was " + window);
        }
        if (offeredRate < 0) {
            throw new IllegalArgumentException("offered rate must be 0 (unpaced) or more, was " + offeredRate);
        }
    }

    /**
     * Client counts of the throughput scenarios; the issue's defaults, smaller in smoke tests.
     *
     * @param fanInPublishers  publishers of fan-in (one subscriber on a wildcard filter)
     * @param fanOutSubscribers subscribers of fan-out (one publisher)
     * @param qos1Pairs        publisher/subscriber pairs of pairs-qos1
     * @param qos2Pairs        publisher/subscriber pairs of pairs-qos2
     */
    public record Sizes(int fanInPublishers, int fanOutSubscribers, int qos1Pairs, int qos2Pairs) {

        public static final Sizes ISSUE_DEFAULTS = new Sizes(50, 100, 100, 20);
    }
}
