package io.ternmq.bench;

import io.netty.channel.SelectStrategy;
import io.netty.channel.SelectStrategyFactory;
import io.netty.util.IntSupplier;

/**
 * Event loops that never sleep: each turn asks the kernel without waiting which sockets are ready, and with none
 * ready and no task queued it goes round again instead of blocking. A packet is read as soon as the kernel has it
 * and a paced send leaves at its time, where a loop sleeping in {@code epoll_wait} is first woken, which on a
 * virtual machine took about 100 us a message: as long as a broker's whole share of the latency it measures
 * (bench/RESULTS.md, twenty-third pass). Costs the loop's core all the time, so only for loops with a core each.
 */
final class BusyPollStrategy implements SelectStrategy {

    static final SelectStrategyFactory FACTORY = BusyPollStrategy::new;

    @Override
    public int calculateStrategy(IntSupplier readyNow, boolean hasTasks) throws Exception {
        int ready = readyNow.get();
        return ready > 0 || hasTasks ? ready : SelectStrategy.CONTINUE;
    }
}
