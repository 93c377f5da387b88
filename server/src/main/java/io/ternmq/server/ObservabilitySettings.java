package io.ternmq.server;

import io.ternmq.server.admin.AdminSettings;
import io.ternmq.server.admin.SecurityReloader;
import org.jspecify.annotations.Nullable;

import java.time.Duration;

/**
 * How operators see and steer the broker.
 *
 * @param admin       the admin HTTP listener, or null when it is off (the default)
 * @param sysInterval how often the $SYS topics are published; zero turns them off
 */
record ObservabilitySettings(@Nullable AdminSettings admin, Duration sysInterval, SecurityReloader reloader) {
}
