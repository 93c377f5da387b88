package io.ternmq.core;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.ternmq.core.TestBroker.SessionMode;
import io.ternmq.protocol.Connack;
import io.ternmq.protocol.Disconnect;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** One INFO line per connect and per disconnect, naming client id, address, protocol and reason. */
class ConnectionLogTest {

    private final Logger logger = (Logger) LoggerFactory.getLogger(Connection.class);
    private final ListAppender<ILoggingEvent> lines = new ListAppender<>();
    private final TestBroker broker = new TestBroker();

    @BeforeEach
    void capture() {
        logger.setLevel(Level.INFO); // the test configuration logs only errors
        logger.setAdditive(false); // captured, not printed
        lines.start();
        logger.addAppender(lines);
    }

    @AfterEach
    void release() {
        logger.detachAppender(lines);
        logger.setLevel(null);
        logger.setAdditive(true);
    }

    private List<String> messages() {
        return lines.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
    }

    @Test
    void connectThenDisconnect_oneInfoLineEach() {
        broker.connected("logged", SessionMode.CLEAN).send(Disconnect.INSTANCE);

        assertThat(lines.list).extracting(ILoggingEvent::getLevel).containsExactly(Level.INFO, Level.INFO);
        assertThat(messages().get(0)).startsWith("client logged connected from 10.0.0.1:").contains("MQTT 3.1.1");
        assertThat(messages().get(1)).startsWith("client logged disconnected from 10.0.0.1:")
                .contains("MQTT 3.1.1").endsWith(": DISCONNECT");
    }

    @Test
    void protocolViolation_oneDisconnectLineWithTheReason() {
        broker.connected("rude", SessionMode.CLEAN).send(new Connack(false, 0));

        assertThat(messages()).hasSize(2);
        assertThat(messages().get(1)).startsWith("client rude disconnected").contains("protocol violation: CONNACK");
    }
}
