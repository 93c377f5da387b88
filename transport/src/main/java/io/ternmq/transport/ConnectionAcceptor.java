package io.ternmq.transport;

import io.ternmq.core.ClientChannel;
import io.ternmq.core.MqttConnection;

/**
 * Where the transport hands each new connection: in production {@code BrokerCore::accept}, in tests a fake.
 * Called on the connection's IO thread; must return at once.
 */
@FunctionalInterface
public interface ConnectionAcceptor {

    MqttConnection accept(ClientChannel channel);
}
