package io.ternmq.store;

/** Where an outbound QoS 1/2 message stands: its PUBLISH sent and unacknowledged, or (QoS 2) its PUBREL sent. */
public enum InflightStage { PUBLISH_SENT, PUBREL_SENT }
