package io.ternmq.server.security;

import io.ternmq.core.auth.ClientIdentity;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.BiPredicate;

/** Removes live subscriptions the new rules no longer allow; the broker core implements it. */
@FunctionalInterface
public interface SubscriptionRevoker {

    SubscriptionRevoker NONE = stillAllowed -> CompletableFuture.completedFuture(0);

    CompletionStage<Integer> revoke(BiPredicate<ClientIdentity, String> stillAllowed);
}
