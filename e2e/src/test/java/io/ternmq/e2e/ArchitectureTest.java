package io.ternmq.e2e;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** Dependencies point down (server, transport, core, store, protocol) and only transport touches Netty channels. */
class ArchitectureTest {

    private static final String PROTOCOL = "io.ternmq.protocol..";
    private static final String STORE = "io.ternmq.store..";
    private static final String CORE = "io.ternmq.core..";
    private static final String TRANSPORT = "io.ternmq.transport..";
    private static final String SERVER = "io.ternmq.server..";
    private static final String NETTY_CHANNEL = "io.netty.channel..";
    private static final String BENCH = "io.ternmq.bench..";

    private static JavaClasses classes;

    @BeforeAll
    static void importMainClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.ternmq");
    }

    @Test
    void protocol_dependsOnNoOtherModule() {
        noClasses().that().resideInAPackage(PROTOCOL)
                .should().dependOnClassesThat().resideInAnyPackage(STORE, CORE, TRANSPORT, SERVER)
                .check(classes);
    }

    @Test
    void store_dependsNotOnCoreTransportOrServer() {
        noClasses().that().resideInAPackage(STORE)
                .should().dependOnClassesThat().resideInAnyPackage(CORE, TRANSPORT, SERVER)
                .check(classes);
    }

    @Test
    void core_dependsNotOnTransportOrServer() {
        noClasses().that().resideInAPackage(CORE)
                .should().dependOnClassesThat().resideInAnyPackage(TRANSPORT, SERVER)
                .check(classes);
    }

    @Test
    void transport_dependsNotOnServer() {
        noClasses().that().resideInAPackage(TRANSPORT)
                .should().dependOnClassesThat().resideInAPackage(SERVER)
                .check(classes);
    }

    @Test
    void protocolStoreAndCore_doNotUseNettyChannels() {
        noClasses().that().resideInAnyPackage(PROTOCOL, STORE, CORE)
                .should().dependOnClassesThat().resideInAPackage(NETTY_CHANNEL)
                .check(classes);
    }

    @Test
    void onlyTransport_usesNettyChannels() {
        // the load generator (bench) is a Netty client of its own, outside the broker's layers
        noClasses().that().resideInAPackage("io.ternmq..").and().resideOutsideOfPackages(TRANSPORT, BENCH)
                .should().dependOnClassesThat().resideInAPackage(NETTY_CHANNEL)
                .check(classes);
    }

    @Test
    void onlyServer_usesMicrometer() {
        // core and transport expose plain counters; the server binds them to meters
        noClasses().that().resideInAnyPackage(PROTOCOL, STORE, CORE, TRANSPORT)
                .should().dependOnClassesThat().resideInAPackage("io.micrometer..")
                .check(classes);
    }

    @Test
    void testkit_usesOnlyProtocol() {
        noClasses().that().resideInAPackage("io.ternmq.testkit..")
                .should().dependOnClassesThat().resideInAnyPackage(STORE, CORE, TRANSPORT, SERVER, "io.netty..")
                .check(classes);
    }
}
