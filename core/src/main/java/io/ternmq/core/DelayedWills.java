package io.ternmq.core;

import io.ternmq.store.Storage;
import io.ternmq.store.StoredWill;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/** Recovery of delayed wills (MQTT 5): each stored will goes back to its session, which publishes it in time. */
final class DelayedWills {

    private static final Logger LOG = LoggerFactory.getLogger(DelayedWills.class);

    private DelayedWills() {
    }

    /**
     * The stored delayed wills by client id. A will without a session (a crash between removing the session and
     * its will, the will having gone out with the session's end) is removed, not published a second time.
     */
    static Map<String, StoredWill> recover(Storage storage, Collection<RecoveredSession> sessions) {
        Map<String, StoredWill> wills = new HashMap<>();
        for (StoredWill will : storage.wills().all()) {
            wills.put(will.clientId(), will);
        }
        if (wills.isEmpty()) {
            return wills;
        }
        Map<String, StoredWill> kept = new HashMap<>();
        for (RecoveredSession session : sessions) {
            StoredWill will = wills.remove(session.stored().clientId());
            if (will != null) {
                kept.put(will.clientId(), will);
            }
        }
        for (String orphan : wills.keySet()) {
            storage.wills().remove(orphan);
        }
        LOG.info("recovered {} delayed wills ({} without a session removed)", kept.size(), wills.size());
        return kept;
    }
}
