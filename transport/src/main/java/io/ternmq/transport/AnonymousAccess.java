package io.ternmq.transport;

/**
 * Whether a listener lets clients in without credentials. The transport only carries it; authentication (which
 * knows the listener by name) decides what it means.
 */
public enum AnonymousAccess { ALLOWED, DENIED }
