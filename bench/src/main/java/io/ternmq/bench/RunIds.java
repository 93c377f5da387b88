package io.ternmq.bench;

import java.util.concurrent.ThreadLocalRandom;

/** A unique topic prefix per scenario run, so that rounds against one broker never see each other's messages. */
final class RunIds {

    private RunIds() {
    }

    static String next(String scenario) {
        return "bench/" + scenario + "-" + Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 16);
    }
}
