package io.ternmq.server.sys;

/**
 * Mosquitto's $SYS load figures: exponential moving averages over 1, 5 and 15 minutes of a counter's rate per
 * minute. Each update takes the counter's growth over the elapsed seconds, scales it to a per-minute rate and
 * folds it in with weight {@code 1 - e^(-elapsed/window)}. Not thread-safe: one publisher thread owns it.
 */
final class LoadAverage {

    /** The windows in seconds and the topic suffix Mosquitto uses for each. */
    enum Window {
        ONE_MINUTE(60, "1min"), FIVE_MINUTES(300, "5min"), FIFTEEN_MINUTES(900, "15min");

        private final double seconds;
        private final String suffix;

        Window(double seconds, String suffix) {
            this.seconds = seconds;
            this.suffix = suffix;
        }

        String suffix() {
            return suffix;
        }
    }

    private final double[] averages = new double[Window.values().length];
    private long lastCount;

    LoadAverage(long initialCount) {
        this.lastCount = initialCount;
    }

    /** Folds in the counter's value after {@code elapsedSeconds} (> 0) since the previous update. */
    void update(long count, double elapsedSeconds) {
        double perMinute = (count - lastCount) * 60.0 / elapsedSeconds;
        lastCount = count;
        for (Window window : Window.values()) {
            double keep = Math.exp(-elapsedSeconds / window.seconds);
            averages[window.ordinal()] = keep * averages[window.ordinal()] + (1.0 - keep) * perMinute;
        }
    }

    double average(Window window) {
        return averages[window.ordinal()];
    }
}
