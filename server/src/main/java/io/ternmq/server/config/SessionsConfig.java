package io.ternmq.server.config;

/**
 * The {@code sessions} section: how many single-threaded executors own sessions, on which threads they run, and
 * whether connections move between IO threads to keep them equally busy.
 */
public record SessionsConfig(int threads, String runOn, boolean balanceIoThreads) {
}
