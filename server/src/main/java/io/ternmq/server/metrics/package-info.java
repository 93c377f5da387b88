/** Micrometer meters over the core and transport counters, served in Prometheus text format. */
@NullMarked
package io.ternmq.server.metrics;

import org.jspecify.annotations.NullMarked;
