package io.ternmq.transport;

import org.junit.jupiter.api.Test;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class ConnectionGateTest {

    private final AtomicLong nanos = new AtomicLong();

    private ConnectionGate gate(int listenerMax, int perSecond, ConnectionBudget broker) {
        return new ConnectionGate(new ConnectionRate(perSecond, nanos::get), new ConnectionBudget(listenerMax), broker,
                new RefusalLog("test", nanos::get));
    }

    @Test
    void tryAdmit_listenerFull_refusesUntilOneIsReleased() {
        var gate = gate(2, 0, new ConnectionBudget(0));

        assertThat(gate.tryAdmit()).isEqualTo(Admission.ADMITTED);
        assertThat(gate.tryAdmit()).isEqualTo(Admission.ADMITTED);
        assertThat(gate.tryAdmit()).isEqualTo(Admission.LISTENER_FULL);
        gate.release();
        assertThat(gate.tryAdmit()).isEqualTo(Admission.ADMITTED);
    }

    @Test
    void tryAdmit_brokerFull_refusesAndGivesTheListenerPlaceBack() {
        var broker = new ConnectionBudget(1);
        var first = gate(0, 0, broker);
        var second = gate(1, 0, broker);

        assertThat(first.tryAdmit()).isEqualTo(Admission.ADMITTED);
        assertThat(second.tryAdmit()).isEqualTo(Admission.BROKER_FULL);
        first.release();

        assertThat(second.tryAdmit()).isEqualTo(Admission.ADMITTED);
        assertThat(broker.open()).isEqualTo(1);
    }

    @Test
    void tryAdmit_overRate_refusesWithRateReason() {
        var gate = gate(0, 1, new ConnectionBudget(0));

        assertThat(gate.tryAdmit()).isEqualTo(Admission.ADMITTED);
        assertThat(gate.tryAdmit()).isEqualTo(Admission.RATE_EXCEEDED);
        nanos.addAndGet(TimeUnit.SECONDS.toNanos(1));
        assertThat(gate.tryAdmit()).isEqualTo(Admission.ADMITTED);
    }

    @Test
    void refusalLog_floodWithinASecond_logsOnceButCountsAll() {
        var log = new RefusalLog("tcp", nanos::get);

        boolean first = log.refused(Admission.LISTENER_FULL);
        boolean second = log.refused(Admission.LISTENER_FULL);
        boolean third = log.refused(Admission.RATE_EXCEEDED);
        nanos.addAndGet(TimeUnit.SECONDS.toNanos(1));
        boolean afterASecond = log.refused(Admission.LISTENER_FULL);

        assertThat(first).isTrue();
        assertThat(second).isFalse();
        assertThat(third).isFalse();
        assertThat(afterASecond).isTrue();
        assertThat(log.total()).isEqualTo(4);
    }
}
