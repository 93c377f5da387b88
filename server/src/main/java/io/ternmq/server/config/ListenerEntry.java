package io.ternmq.server.config;

import java.util.Map;

/** One item of the {@code listeners:} list as written: where it starts and its fields, before binding. */
record ListenerEntry(Origin origin, Map<ConfigKey<?>, RawValue> fields) {

    ListenerEntry {
        fields = Map.copyOf(fields);
    }
}
