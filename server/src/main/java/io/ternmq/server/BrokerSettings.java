package io.ternmq.server;

import io.ternmq.core.auth.Authenticator;
import io.ternmq.core.auth.Authorizer;
import io.ternmq.store.StorageMode;

import java.nio.file.Path;
import java.time.Duration;

/** Everything {@link BrokerAssembly} needs to build a broker; validated by {@link Broker.Builder}. */
record BrokerSettings(String bind, int port, int maxPacketSize, int sessionThreads, int maxInflightMessages,
                      int maxQueuedMessages, Duration connectTimeout, Path dataDir, Authenticator authenticator,
                      Authorizer authorizer, StorageMode storageMode, CorruptDataPolicy onCorruptData) {
}
