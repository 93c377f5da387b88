package io.ternmq.server;

/**
 * What an unreadable or corrupt data directory does at start. {@code STOP}: startup fails with a message naming the
 * file. {@code MOVE_ASIDE}: the directory is renamed with a timestamp (kept, never deleted) and the broker starts
 * empty. Data is never discarded silently.
 */
public enum CorruptDataPolicy { STOP, MOVE_ASIDE }
