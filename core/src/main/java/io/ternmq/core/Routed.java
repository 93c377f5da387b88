package io.ternmq.core;

/** What routing found for a message: an MQTT 5 publisher is told when nobody subscribed (reason code 0x10). */
enum Routed { MATCHED, NO_SUBSCRIBERS }
