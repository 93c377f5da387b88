package io.ternmq.server;

import io.ternmq.core.MemoryLimits;
import io.ternmq.core.Mqtt5Settings;
import io.ternmq.core.TopicLimits;
import io.ternmq.core.auth.Authenticator;
import io.ternmq.core.auth.Authorizer;
import io.ternmq.server.security.SecuritySettings;
import io.ternmq.store.StorageMode;
import io.ternmq.store.WriteLimits;
import io.ternmq.transport.ListenerConfig;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Everything {@link BrokerAssembly} needs to build a broker; validated by {@link Broker.Builder}. {@code listeners}
 * is the complete list, the default TCP listener included when enabled; {@code maxConnections} is broker-wide.
 */
record BrokerSettings(List<ListenerConfig> listeners, int maxConnections, int maxPacketSize, int sessionThreads,
                      int maxInflightMessages, int maxQueuedMessages, Duration connectTimeout, Path dataDir,
                      Authenticator authenticator, Authorizer authorizer, SecuritySettings security,
                      TopicLimits topicLimits, ObservabilitySettings observability,
                      StorageMode storageMode, CorruptDataPolicy onCorruptData, int maxPendingConnects,
                      WriteLimits writeLimits, Mqtt5Settings mqtt5,
                      MemoryLimits memory, SessionThreading sessionThreading, boolean balanceIoThreads) {
}
