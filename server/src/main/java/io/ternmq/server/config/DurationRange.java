package io.ternmq.server.config;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A duration within {@code min..max}, written as a whole number and a unit: {@code 500ms}, {@code 10s},
 * {@code 2m}, {@code 1h}. A bare number is refused because its unit would be a guess.
 */
public record DurationRange(Duration min, Duration max) implements ValueType<Duration> {

    private static final Pattern DURATION = Pattern.compile("(\\d{1,9})\\s*(ms|s|m|h)");

    @Override
    public Duration parse(String text) {
        Matcher matcher = DURATION.matcher(text.strip());
        if (!matcher.matches()) {
            throw new InvalidValueException("a duration such as 500ms, 10s, 2m or 1h, within " + range());
        }
        long amount = Long.parseLong(matcher.group(1));
        Duration duration = switch (matcher.group(2)) {
            case "ms" -> Duration.ofMillis(amount);
            case "s" -> Duration.ofSeconds(amount);
            case "m" -> Duration.ofMinutes(amount);
            default -> Duration.ofHours(amount);
        };
        if (duration.compareTo(min) < 0 || duration.compareTo(max) > 0) {
            throw new InvalidValueException(range());
        }
        return duration;
    }

    private String range() {
        return format(min) + ".." + format(max);
    }

    @Override
    public String format(Duration value) {
        long millis = value.toMillis();
        if (millis != 0 && millis % 3_600_000 == 0) {
            return millis / 3_600_000 + "h";
        }
        if (millis != 0 && millis % 60_000 == 0) {
            return millis / 60_000 + "m";
        }
        if (millis % 1_000 == 0) {
            return millis / 1_000 + "s";
        }
        return millis + "ms";
    }

    @Override
    public String describe() {
        return "duration " + range() + " (ms, s, m, h)";
    }
}
