package io.ternmq.server;

import io.ternmq.server.security.AnonymousAccess;
import io.ternmq.server.security.SecuritySettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.InetSocketAddress;

/** The startup warning for a listener reachable from other machines that lets anyone in without a user name. */
final class AnonymousWarning {

    private static final Logger log = LoggerFactory.getLogger(AnonymousWarning.class);

    /** Whether access rules limit what anonymous clients may do once connected. */
    enum Rules { NONE, SOME }

    private AnonymousWarning() {
    }

    static void check(String listener, InetSocketAddress address, SecuritySettings security, Rules rules) {
        if (security.anonymousAccessOn(listener) != AnonymousAccess.ALLOWED
                || address.getAddress().isLoopbackAddress()) {
            return;
        }
        log.warn("Anonymous access is allowed on listener '{}', which is reachable from other hosts ({}): anyone "
                        + "who can reach it may connect{}. Set auth.allow_anonymous: false and a password file to "
                        + "require users.", listener, address.getAddress().getHostAddress(),
                rules == Rules.NONE ? " and publish and subscribe to every topic" : " (within the ACL's rules)");
    }
}
