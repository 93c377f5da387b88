package io.ternmq.server.config;

/** A number of threads {@code 1..max}, or {@code auto} for one per available processor. */
public record ThreadCount(int max) implements ValueType<Integer> {

    public static final String AUTO = "auto";

    @Override
    public Integer parse(String text) {
        if (text.strip().equalsIgnoreCase(AUTO)) {
            return Runtime.getRuntime().availableProcessors();
        }
        try {
            return new IntegerRange(1, max).parse(text);
        } catch (InvalidValueException notAnInteger) {
            throw new InvalidValueException(AUTO + " or an integer 1.." + max);
        }
    }

    @Override
    public String format(Integer value) {
        return value.toString();
    }

    @Override
    public String describe() {
        return AUTO + " (one per processor) or integer 1.." + max;
    }
}
