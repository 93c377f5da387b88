package io.ternmq.transport;

import io.ternmq.core.ClientChannel;
import io.ternmq.core.MqttConnection;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A fake core: accepts every connection with a {@link RecordingConnection} and keeps them for assertions. */
final class RecordingAcceptor implements ConnectionAcceptor {

    final List<RecordingConnection> connections = new CopyOnWriteArrayList<>();

    @Override
    public MqttConnection accept(ClientChannel channel) {
        var connection = new RecordingConnection(channel);
        connections.add(connection);
        return connection;
    }

    RecordingConnection only() {
        if (connections.size() != 1) {
            throw new AssertionError("expected one connection, have " + connections.size());
        }
        return connections.getFirst();
    }
}
