package io.ternmq.core;

import io.ternmq.core.auth.Authenticator;
import io.ternmq.core.auth.Authorizer;

/** The shared services every connection and session of one broker uses. */
record BrokerContext(CoreConfig config, Authenticator authenticator, Authorizer authorizer, Clock clock,
                     CoreStores stores, SessionThreads threads, Subscriptions subscriptions,
                     RetainedIndex retained, Router router, ClientIdGenerator clientIds, CoreStats stats,
                     MessageIds messageIds, MemoryBudget memory) {
}
