package io.ternmq.server;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.ternmq.core.auth.Authenticator;
import io.ternmq.core.auth.Authorizer;
import io.ternmq.core.auth.ClientIdentity;
import io.ternmq.server.security.AnonymousAccess;
import io.ternmq.server.security.ReloadResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BrokerSecurityTest {

    @TempDir
    Path directory;

    private final ListAppender<ILoggingEvent> warnings = new ListAppender<>();
    private final Logger logger = (Logger) LoggerFactory.getLogger(AnonymousWarning.class);

    @BeforeEach
    void captureWarnings() {
        warnings.start();
        logger.addAppender(warnings);
    }

    @AfterEach
    void stopCapturing() {
        logger.detachAppender(warnings);
    }

    private Broker.Builder builder(String bind) {
        return Broker.builder().bind(bind).port(0).dataDir(directory.resolve("data"));
    }

    @Test
    void start_anonymousOnAllInterfaces_warns() {
        try (Broker broker = builder("0.0.0.0").start()) {
            assertThat(broker.port()).isPositive();
        }

        assertThat(warnings.list).singleElement().satisfies(event -> {
            assertThat(event.getLevel()).isEqualTo(Level.WARN);
            assertThat(event.getFormattedMessage()).contains("Anonymous access is allowed on listener 'tcp'")
                    .contains("publish and subscribe to every topic");
        });
    }

    @Test
    void start_anonymousOnLoopbackOrDenied_noWarning() {
        try (Broker loopback = builder("127.0.0.1").start();
             Broker denied = builder("0.0.0.0").anonymousAccess(AnonymousAccess.DENIED).start();
             Broker deniedOnListener = builder("0.0.0.0").anonymousAccess("tcp", AnonymousAccess.DENIED).start()) {
            assertThat(loopback.port()).isNotEqualTo(denied.port()).isNotEqualTo(deniedOnListener.port());
        }

        assertThat(warnings.list).isEmpty();
    }

    @Test
    void start_invalidAclFile_refusedNamingFileAndLine() throws IOException {
        Path acl = Files.writeString(directory.resolve("acl"), "topic read ok\ntopic read bad/#/x\n");

        assertThatThrownBy(() -> builder("127.0.0.1").aclFile(acl).start())
                .isInstanceOf(BrokerStartException.class)
                .hasMessage(acl + " line 2: 'bad/#/x' is not a valid topic filter");
    }

    @Test
    void start_missingPasswordFile_refused() {
        Path missing = directory.resolve("nope");

        assertThatThrownBy(() -> builder("127.0.0.1").passwordFile(missing).start())
                .isInstanceOf(BrokerStartException.class)
                .hasMessage(missing + ": password file not found");
    }

    @Test
    void start_fileAndItsAlternative_refused() {
        Authenticator custom = request -> Authenticator.ALLOW_ALL.authenticate(request);
        Authorizer customAuthorizer = new Authorizer() {
            @Override
            public boolean mayPublish(ClientIdentity client, String topic) {
                return true;
            }

            @Override
            public boolean maySubscribe(ClientIdentity client, String topicFilter) {
                return true;
            }
        };

        assertThatThrownBy(() -> builder("127.0.0.1").passwordFile(directory).authenticator(custom).start())
                .hasMessage("passwordFile and authenticator are alternatives: set one");
        assertThatThrownBy(() -> builder("127.0.0.1").aclFile(directory).authorizer(customAuthorizer).start())
                .hasMessage("aclFile and authorizer are alternatives: set one");
    }

    @Test
    void reloadSecurity_noFiles_nothingToReload() {
        try (Broker broker = builder("127.0.0.1").start()) {
            assertThat(broker.reloadSecurity().outcome())
                    .isEqualTo(ReloadResult.Outcome.NOTHING_TO_RELOAD);
        }
    }
}
