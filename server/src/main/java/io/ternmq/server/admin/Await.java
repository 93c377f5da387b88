package io.ternmq.server.admin;

import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeoutException;

/** Waits for a core answer on an admin worker thread; a core that does not answer becomes a 503. */
final class Await {

    private Await() {
    }

    static <T> T of(CompletionStage<T> answer) {
        try {
            return answer.toCompletableFuture().join();
        } catch (CompletionException failed) {
            if (failed.getCause() instanceof TimeoutException) {
                throw new ApiError(503, "unavailable", "the broker core did not answer in time");
            }
            throw new ApiError(503, "unavailable", String.valueOf(failed.getCause()));
        }
    }
}
