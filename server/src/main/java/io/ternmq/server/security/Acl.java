package io.ternmq.server.security;

import io.ternmq.core.auth.ClientIdentity;

import java.util.Map;

/**
 * One loaded ACL file, immutable. Model: every named user has a precompiled {@link RuleSet} (its own
 * {@code topic} rules plus every {@code pattern}); anonymous clients have the rules written before the first
 * {@code user} line plus the patterns; any other user name gets the patterns alone. What no rule grants is denied.
 */
record Acl(Map<String, RuleSet> users, RuleSet anonymous, RuleSet unlisted, int ruleCount) {

    Acl {
        users = Map.copyOf(users);
    }

    boolean mayPublish(ClientIdentity client, String topic) {
        return rulesFor(client).mayPublish(client, topic);
    }

    boolean maySubscribe(ClientIdentity client, String topicFilter) {
        return rulesFor(client).maySubscribe(client, topicFilter);
    }

    private RuleSet rulesFor(ClientIdentity client) {
        String user = client.username();
        if (user == null) {
            return anonymous;
        }
        return users.getOrDefault(user, unlisted);
    }
}
