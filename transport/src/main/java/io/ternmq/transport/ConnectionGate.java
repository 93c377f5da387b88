package io.ternmq.transport;

import io.netty.channel.Channel;

/**
 * Decides right after accept whether a connection may stay on its listener: within the listener's rate, the
 * listener's ceiling and the broker's. An admitted connection holds its places until its channel closes; a
 * refused one is closed before its pipeline is built, so the core never hears of it.
 */
final class ConnectionGate {

    private final ConnectionRate rate;
    private final ConnectionBudget listenerBudget;
    private final ConnectionBudget brokerBudget;
    private final RefusalLog refusals;

    ConnectionGate(ConnectionRate rate, ConnectionBudget listenerBudget, ConnectionBudget brokerBudget,
                   RefusalLog refusals) {
        this.rate = rate;
        this.listenerBudget = listenerBudget;
        this.brokerBudget = brokerBudget;
        this.refusals = refusals;
    }

    /** Admits {@code channel} (releasing its places when it closes) or answers why not, counting the refusal. */
    Admission admit(Channel channel) {
        Admission admission = tryAdmit();
        if (admission == Admission.ADMITTED) {
            channel.closeFuture().addListener(closed -> release());
        } else {
            refusals.refused(admission);
        }
        return admission;
    }

    Admission tryAdmit() {
        if (!rate.tryAcquire()) {
            return Admission.RATE_EXCEEDED;
        }
        if (!listenerBudget.tryAcquire()) {
            return Admission.LISTENER_FULL;
        }
        if (!brokerBudget.tryAcquire()) {
            listenerBudget.release();
            return Admission.BROKER_FULL;
        }
        return Admission.ADMITTED;
    }

    void release() {
        listenerBudget.release();
        brokerBudget.release();
    }

    long refused() {
        return refusals.total();
    }
}
