package io.ternmq.e2e;

import io.ternmq.core.auth.Authorizer;
import io.ternmq.core.auth.ClientIdentity;

/** Refuses every publish and subscribe whose topic or filter starts with one prefix, and allows the rest. */
public record PrefixDenyingAuthorizer(String prefix) implements Authorizer {

    @Override
    public boolean mayPublish(ClientIdentity client, String topic) {
        return !topic.startsWith(prefix);
    }

    @Override
    public boolean maySubscribe(ClientIdentity client, String topicFilter) {
        return !topicFilter.startsWith(prefix);
    }
}
