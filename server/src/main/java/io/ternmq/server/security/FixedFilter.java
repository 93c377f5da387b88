package io.ternmq.server.security;

import io.ternmq.core.auth.ClientIdentity;
import io.ternmq.protocol.Topics;

/** A filter that reads the same for every client; matching is the protocol's own. */
record FixedFilter(String filter, String[] levels) implements RuleFilter {

    static FixedFilter of(String filter) {
        return new FixedFilter(filter, FilterRelations.levels(filter));
    }

    @Override
    public boolean matches(String topic, ClientIdentity client) {
        return Topics.matches(filter, topic);
    }

    @Override
    public String[] levelsFor(ClientIdentity client) {
        return levels;
    }
}
