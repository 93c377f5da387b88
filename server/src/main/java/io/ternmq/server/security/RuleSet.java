package io.ternmq.server.security;

import io.ternmq.core.auth.ClientIdentity;

import java.util.List;

/**
 * The rules that apply to one kind of client, compiled once per ACL load and split by what they decide, so a
 * check walks only the rules that can answer it. Deny rules win over any grant.
 */
record RuleSet(AclRule[] denies, AclRule[] reads, AclRule[] writes) {

    static RuleSet of(List<AclRule> rules) {
        return new RuleSet(
                rules.stream().filter(rule -> rule.access() == Access.DENY).toArray(AclRule[]::new),
                rules.stream().filter(rule -> rule.access().allowsRead()).toArray(AclRule[]::new),
                rules.stream().filter(rule -> rule.access().allowsWrite()).toArray(AclRule[]::new));
    }

    /** The hot path: plain loops over arrays, no allocation. */
    boolean mayPublish(ClientIdentity client, String topic) {
        for (AclRule deny : denies) {
            if (deny.filter().matches(topic, client)) {
                return false;
            }
        }
        for (AclRule write : writes) {
            if (write.filter().matches(topic, client)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Allowed when one read rule covers every topic the filter can match and no deny rule shares a topic with
     * it: messages are not checked again on delivery, so a subscription must not reach a denied topic.
     */
    boolean maySubscribe(ClientIdentity client, String topicFilter) {
        String[] filter = FilterRelations.levels(topicFilter);
        for (AclRule deny : denies) {
            String[] denied = deny.filter().levelsFor(client);
            if (denied != null && FilterRelations.intersect(denied, filter)) {
                return false;
            }
        }
        for (AclRule read : reads) {
            String[] granted = read.filter().levelsFor(client);
            if (granted != null && FilterRelations.covers(granted, filter)) {
                return true;
            }
        }
        return false;
    }

    int size() {
        return denies.length + reads.length + writes.length;
    }
}
