package io.ternmq.server.config;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A memory budget in bytes within {@code min..max}, written like {@link ByteSize} ({@code 512MB}, {@code 2GiB}) but
 * beyond 2 GiB, or {@code auto}: half of the JVM's maximum heap (-Xmx), resolved when parsed.
 */
public record MemorySize(long min, long max) implements ValueType<Long> {

    public static final String AUTO = "auto";

    private static final Pattern SIZE = Pattern.compile("(\\d[\\d_]*)\\s*(b|kb|kib|mb|mib|gb|gib|tb|tib)?");

    @Override
    public Long parse(String text) {
        String value = text.strip().toLowerCase(Locale.ROOT);
        if (value.equals(AUTO)) {
            return Math.max(min, Runtime.getRuntime().maxMemory() / 2);
        }
        Matcher matcher = SIZE.matcher(value);
        if (!matcher.matches()) {
            throw new InvalidValueException(AUTO + " or a size in bytes such as 512MB or 2GB, within " + range());
        }
        String digits = matcher.group(1).replace("_", "");
        if (digits.length() > 15) {
            throw new InvalidValueException(range());
        }
        long bytes = Long.parseLong(digits) * multiplier(matcher.group(2));
        if (bytes < min || bytes > max) {
            throw new InvalidValueException(range());
        }
        return bytes;
    }

    private static long multiplier(String unit) {
        if (unit == null) {
            return 1;
        }
        return switch (unit.charAt(0)) {
            case 'k' -> 1L << 10;
            case 'm' -> 1L << 20;
            case 'g' -> 1L << 30;
            case 't' -> 1L << 40;
            default -> 1;
        };
    }

    private String range() {
        return min + ".." + max + " bytes";
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
