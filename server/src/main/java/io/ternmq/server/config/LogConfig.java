package io.ternmq.server.config;

/** The {@code log} section: the level of the broker's own loggers. */
public record LogConfig(String level) {
}
