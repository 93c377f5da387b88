package io.ternmq.server.config;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A number of bytes within {@code min..max}: plain ({@code 262144}) or with a binary unit ({@code 256KB},
 * {@code 1MB}, {@code 1GiB}; K = 1024). Case and a space before the unit do not matter.
 */
public record ByteSize(int min, int max) implements ValueType<Integer> {

    private static final Pattern SIZE = Pattern.compile("(\\d[\\d_]*)\\s*(b|kb|kib|mb|mib|gb|gib)?");

    @Override
    public Integer parse(String text) {
        Matcher matcher = SIZE.matcher(text.strip().toLowerCase(Locale.ROOT));
        if (!matcher.matches()) {
            throw new InvalidValueException("a size in bytes such as 262144, 256KB or 1MB, within " + range());
        }
        String digits = matcher.group(1).replace("_", "");
        if (digits.length() > 12) {
            throw new InvalidValueException(range());
        }
        long bytes = Long.parseLong(digits) * multiplier(matcher.group(2));
        if (bytes < min || bytes > max) {
            throw new InvalidValueException(range());
        }
        return (int) bytes;
    }

    private static long multiplier(String unit) {
        if (unit == null) {
            return 1;
        }
        return switch (unit.charAt(0)) {
            case 'k' -> 1L << 10;
            case 'm' -> 1L << 20;
            case 'g' -> 1L << 30;
            default -> 1;
        };
    }

    private String range() {
        return min + ".." + max + " bytes";
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
