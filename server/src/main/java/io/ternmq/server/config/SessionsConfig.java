package io.ternmq.server.config;

/** The {@code sessions} section: how many single-threaded executors own sessions. */
public record SessionsConfig(int threads) {
}
