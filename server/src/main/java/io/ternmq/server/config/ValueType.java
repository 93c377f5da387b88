package io.ternmq.server.config;

/**
 * How the text of one configuration key becomes a typed value. The same parser serves YAML scalars, environment
 * variables and flags, so a value means the same wherever it is written.
 */
public sealed interface ValueType<T> permits IntegerRange, ByteSize, DurationRange, PatternText, DirectoryPath,
        ThreadCount, Flag, Secret, LogLevel, OptionalFile, AnonymousAccessFlag, ListenerAnonymousAccess, Choice,
        ReadableFile, PlainText {

    /** Parses and range-checks; throws {@link InvalidValueException} naming the requirement. */
    T parse(String text);

    /** The value written the way a user would write it, for the effective-settings report. */
    String format(T value);

    /** What is accepted, for the configuration reference, e.g. {@code integer 0..65535}. */
    String describe();
}
