package io.ternmq.e2e.robustness;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.util.ResourceLeakDetector;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Turns Netty's leak detector up to PARANOID (every buffer tracked) and collects the leak reports it logs. Netty
 * reports a leak when a tracked buffer was garbage collected without being released, on a later allocation;
 * {@link #collect()} provokes both.
 */
final class LeakReports extends AppenderBase<ILoggingEvent> {

    private static final int PROVOKING_ALLOCATIONS = 1_000;

    private final List<String> reports = new CopyOnWriteArrayList<>();
    private final Logger detectorLogger = (Logger) LoggerFactory.getLogger(ResourceLeakDetector.class);
    private final ResourceLeakDetector.Level previousLevel = ResourceLeakDetector.getLevel();

    static LeakReports paranoid() {
        LeakReports leaks = new LeakReports();
        ResourceLeakDetector.setLevel(ResourceLeakDetector.Level.PARANOID);
        leaks.setContext(leaks.detectorLogger.getLoggerContext());
        leaks.start();
        leaks.detectorLogger.addAppender(leaks);
        if (!leaks.detectorLogger.isErrorEnabled()) {
            leaks.detectorLogger.setLevel(Level.ERROR);
        }
        return leaks;
    }

    @Override
    protected void append(ILoggingEvent event) {
        if (event.getLevel().isGreaterOrEqual(Level.ERROR) && event.getFormattedMessage().contains("LEAK")) {
            reports.add(event.getFormattedMessage());
        }
    }

    /** Runs the garbage collector and allocates, so that pending leaks get reported; answers every report. */
    List<String> collect() {
        for (int round = 0; round < 3; round++) {
            System.gc();
            for (int i = 0; i < PROVOKING_ALLOCATIONS; i++) {
                ByteBuf buffer = ByteBufAllocator.DEFAULT.directBuffer(64);
                buffer.release();
            }
        }
        return List.copyOf(reports);
    }

    void uninstall() {
        detectorLogger.detachAppender(this);
        stop();
        ResourceLeakDetector.setLevel(previousLevel);
    }
}
