package io.ternmq.server.config;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A number of bytes within {@code min..max}: plain ({@code 262144}) or with a binary unit ({@code 256KB},
 * {@code 1MB}, {@code 1GiB}; K = 1024). Case and a space before the unit do not matter.
 */
public record ByteSize(int min, int max) implements ValueType<Integer> {

    private static final ByteCount SYNTAX = new ByteCount(
            Pattern.compile("(\\d[\\d_]*)\\s*(b|kb|kib|mb|mib|gb|gib)?"), 12,
            "a size in bytes such as 262144, 256KB or 1MB");

    @Override
    public Integer parse(String text) {
        return (int) SYNTAX.parse(text.strip().toLowerCase(Locale.ROOT), min, max);
    }

    @Override
    public String format(Integer value) {
        return value.toString();
    }

    @Override
    public String describe() {
        return "bytes " + min + ".." + max + " (units KB, MB, GB = 1024-based)";
    }
}
