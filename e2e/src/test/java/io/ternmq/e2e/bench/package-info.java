/**
 * Benchmarks run by hand (mains, not tests): QoS 1 throughput into persistent sessions per storage mode, and
 * recovery time of a million queued messages. Commands in the README, section Storage.
 */
@NullMarked
package io.ternmq.e2e.bench;

import org.jspecify.annotations.NullMarked;
