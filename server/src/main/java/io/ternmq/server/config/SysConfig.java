package io.ternmq.server.config;

import java.time.Duration;

/** The {@code sys} section: how often the $SYS topics are published (zero: never). */
public record SysConfig(Duration interval) {
}
