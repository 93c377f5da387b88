package io.ternmq.server;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.jspecify.annotations.Nullable;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The startup line names each listener's address as the operator configured it. */
class StartupLogTest {

    @TempDir
    Path directory;

    private final ListAppender<ILoggingEvent> lines = new ListAppender<>();
    private final Logger logger = (Logger) LoggerFactory.getLogger(BrokerAssembly.class);
    private @Nullable Level levelBefore;

    @BeforeEach
    void capture() {
        levelBefore = logger.getLevel();
        logger.setLevel(Level.INFO); // tests log warnings only; the startup line is INFO
        lines.start();
        logger.addAppender(lines);
    }

    @AfterEach
    void stopCapturing() {
        logger.detachAppender(lines);
        logger.setLevel(levelBefore);
    }

    @Test
    void start_wildcardBind_logsConfiguredHostNotDualStackAddress() {
        try (Broker broker = Broker.builder().bind("0.0.0.0").port(0).dataDir(directory.resolve("data")).start()) {
            assertThat(lines.list).map(ILoggingEvent::getFormattedMessage)
                    .anySatisfy(line -> assertThat(line).contains("listening on 0.0.0.0:" + broker.port()))
                    .noneSatisfy(line -> assertThat(line).contains("[::]"));
        }
    }

    @Test
    void start_loopbackBind_logsThatAddress() {
        try (Broker broker = Broker.builder().bind("127.0.0.1").port(0).dataDir(directory.resolve("data")).start()) {
            assertThat(lines.list).map(ILoggingEvent::getFormattedMessage)
                    .anySatisfy(line -> assertThat(line).contains("listening on 127.0.0.1:" + broker.port()));
        }
    }
}
