package io.ternmq.server.security;

import io.ternmq.core.auth.Authorizer;
import io.ternmq.core.auth.ClientIdentity;

import java.util.function.Supplier;

/** Checks against the ACL in force; one volatile read and a map lookup before the rules themselves. */
final class AclAuthorizer implements Authorizer {

    private final Supplier<SecuritySnapshot> current;

    AclAuthorizer(Supplier<SecuritySnapshot> current) {
        this.current = current;
    }

    @Override
    public boolean mayPublish(ClientIdentity client, String topic) {
        Acl acl = current.get().acl();
        return acl == null || acl.mayPublish(client, topic);
    }

    @Override
    public boolean maySubscribe(ClientIdentity client, String topicFilter) {
        Acl acl = current.get().acl();
        return acl == null || acl.maySubscribe(client, topicFilter);
    }
}
