package io.ternmq.server.config;

/** A configuration value as written (YAML scalar, environment variable or flag), before parsing. */
public record RawValue(String text, Origin origin) {
}
