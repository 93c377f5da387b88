package io.ternmq.server.config;

/** The {@code sessions} section: how many single-threaded executors own sessions, and on which threads they run. */
public record SessionsConfig(int threads, String runOn) {
}
