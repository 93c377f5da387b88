package io.ternmq.transport;

import java.util.Locale;

/**
 * The IO mechanism under the event loops. {@code auto} is epoll on Linux, NIO elsewhere; {@code io_uring} is
 * opt-in (JVM flag {@code -Dternmq.transport=io_uring}, e.g. through JAVA_OPTS) until it measures better than
 * epoll here (bench/RESULTS.md); a kernel without io_uring falls back to the default with a warning.
 */
enum IoEngine {
    AUTO, EPOLL, IO_URING, NIO;

    static final String PROPERTY = "ternmq.transport";

    static IoEngine requested() {
        return parse(System.getProperty(PROPERTY, "auto"));
    }

    static IoEngine parse(String value) {
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("-D" + PROPERTY + " must be auto, epoll, io_uring or nio, was '"
                    + value + "'", e);
        }
    }
}
