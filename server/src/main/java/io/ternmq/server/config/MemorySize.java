package io.ternmq.server.config;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A memory budget in bytes within {@code min..max}, written like {@link ByteSize} ({@code 512MB}, {@code 2GiB}) but
 * beyond 2 GiB, or {@code auto}: half of the JVM's maximum heap (-Xmx), resolved when parsed.
 */
public record MemorySize(long min, long max) implements ValueType<Long> {

    public static final String AUTO = "auto";

    private static final ByteCount SYNTAX = new ByteCount(
            Pattern.compile("(\\d[\\d_]*)\\s*(b|kb|kib|mb|mib|gb|gib|tb|tib)?"), 15,
            AUTO + " or a size in bytes such as 512MB or 2GB");

    @Override
    public Long parse(String text) {
        String value = text.strip().toLowerCase(Locale.ROOT);
        if (value.equals(AUTO)) {
            return Math.max(min, Runtime.getRuntime().maxMemory() / 2);
        }
        return SYNTAX.parse(value, min, max);
    }

    @Override
    public String format(Long value) {
        return value.toString();
    }

    @Override
    public String describe() {
        return AUTO + " (half the maximum heap) or bytes " + min + ".." + max + " (units KB, MB, GB, TB = 1024-based)";
    }
}
