package io.ternmq.server.config;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The byte-count syntax shared by {@link ByteSize} and {@link MemorySize}: digits (underscores allowed) and an
 * optional 1024-based unit. Each type keeps its own units, digit limit and wording, so one parser serves both.
 */
record ByteCount(Pattern syntax, int maxDigits, String example) {

    /** Parses a stripped, lower-case value into bytes within {@code min..max}. */
    long parse(String value, long min, long max) {
        Matcher matcher = syntax.matcher(value);
        if (!matcher.matches()) {
            throw new InvalidValueException(example + ", within " + range(min, max));
        }
        String digits = matcher.group(1).replace("_", "");
        if (digits.length() > maxDigits) {
            throw new InvalidValueException(range(min, max));
        }
        long bytes;
        try {
            bytes = Math.multiplyExact(Long.parseLong(digits), multiplier(matcher.group(2)));
        } catch (ArithmeticException tooLarge) {
            // a wrapped product could land back inside the range and be taken for a small value
            throw new InvalidValueException(range(min, max));
        }
        if (bytes < min || bytes > max) {
            throw new InvalidValueException(range(min, max));
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

    static String range(long min, long max) {
        return min + ".." + max + " bytes";
    }
}
