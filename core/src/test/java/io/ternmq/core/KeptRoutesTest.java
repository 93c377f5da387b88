package io.ternmq.core;

import io.ternmq.core.auth.Authenticator;
import io.ternmq.core.auth.Authorizer;
import io.ternmq.protocol.Qos;
import io.ternmq.store.memory.InMemoryStorage;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A kept route is found only by the same topic instance, publisher and subscriptions version; a small match is worth
 * a route only the second time it is made, a large one the first time.
 */
class KeptRoutesTest {

    private final KeptRoutes routes = new KeptRoutes();
    private final String topic = new StringBuilder("fan/").append("out").toString();
    private final Object publisher = new Object();

    /** Sessions of a broker context without a router: only their owners matter to a route. */
    private static KeptRoute routeOf(int sessions) {
        CoreConfig config = new CoreConfig(2, 4, 100);
        MemoryBudget memory = new MemoryBudget(config.memory());
        SessionThreads threads = new SessionThreads(2, index -> Runnable::run);
        var context = new BrokerContext(config, Authenticator.ALLOW_ALL, Authorizer.ALLOW_ALL, new FakeClock(),
                new CoreStores(new InMemoryStorage()), threads, new Subscriptions(), null, null, null,
                new CoreStats(() -> 0, () -> 0, memory, threads.owners()), null, memory);
        TargetMap<Session> targets = new TargetMap<>();
        for (int i = 0; i < sessions; i++) {
            var session = new Session("s" + i, SessionLifetime.CONNECTION, threads.get(i % 2), context);
            targets.put(session, SubscriptionOptions.of(Qos.AT_MOST_ONCE));
        }
        return KeptRoute.of(targets, threads.size());
    }

    @Test
    void of_sessionsGroupedByOwnerThreadInMatchOrder() {
        KeptRoute route = routeOf(5);

        assertThat(route.sessions()).isEqualTo(5);
        assertThat(route.holders()).isZero(); // connection-lifetime sessions keep no rows
        assertThat(route.group(0).sessions()).extracting(Session::clientId).containsExactly("s0", "s2", "s4");
        assertThat(route.group(1).sessions()).extracting(Session::clientId).containsExactly("s1", "s3");
        assertThat(route.group(1).holdsRows()).isFalse();
    }

    @Test
    void kept_sameTopicPublisherAndVersion_found() {
        KeptRoute route = routeOf(1);
        assertThat(routes.find(topic, publisher, 7)).isNull();

        routes.keep(topic, publisher, 7, route);

        assertThat(routes.find(topic, publisher, 7)).isSameAs(route);
    }

    @Test
    void kept_anEqualTopicOfAnotherInstanceOrAnotherPublisher_notFound() {
        routes.find(topic, publisher, 7);
        routes.keep(topic, publisher, 7, routeOf(1));

        assertThat(routes.find(new String(topic), publisher, 7)).isNull();
        assertThat(routes.find(topic, new Object(), 7)).isNull();
        assertThat(routes.find(topic, null, 7)).isNull();
    }

    @Test
    void anotherVersion_dropsEveryRoute() {
        routes.find(topic, publisher, 7);
        routes.keep(topic, publisher, 7, routeOf(1));

        assertThat(routes.find(topic, publisher, 8)).isNull();
        assertThat(routes.find(topic, publisher, 7)).as("not back with the old version").isNull();
    }

    @Test
    void keep_atAnotherVersionThanTheLastLookupOrWhileWritten_notKept() {
        routes.find(topic, publisher, 7);
        routes.keep(topic, publisher, 8, routeOf(1));
        assertThat(routes.find(topic, publisher, 7)).isNull();

        routes.find(topic, publisher, 0);
        routes.keep(topic, publisher, 0, routeOf(1));
        assertThat(routes.find(topic, publisher, 0)).isNull();
    }

    @Test
    void keep_routeOverTheLimit_notKept() {
        routes.find(topic, publisher, 7);
        routes.keep(topic, publisher, 7, routeOf(KeptRoutes.MAX_SESSIONS + 1));

        assertThat(routes.find(topic, publisher, 7)).isNull();
    }

    @Test
    void worthKeeping_smallMatchTheSecondTime_largeMatchAtOnce() {
        routes.find(topic, publisher, 7);

        assertThat(routes.worthKeeping(topic, publisher, 1)).as("first time").isFalse();
        assertThat(routes.find(topic, publisher, 7)).as("seen, not kept").isNull();
        assertThat(routes.worthKeeping(topic, publisher, 1)).as("second time").isTrue();
        assertThat(routes.worthKeeping(new String(topic), publisher, KeptRoutes.KEPT_AT_ONCE_FROM)).isTrue();
    }

    @Test
    void worthKeeping_seenBeforeTheVersionChanged_firstTimeAgain() {
        routes.find(topic, publisher, 7);
        routes.worthKeeping(topic, publisher, 1);

        routes.find(topic, publisher, 8);

        assertThat(routes.worthKeeping(topic, publisher, 1)).isFalse();
    }

    @Test
    void worthKeeping_seenFromAnotherPublisher_firstTimeForThisOne() {
        routes.find(topic, publisher, 7);
        routes.worthKeeping(topic, new Object(), 1);

        assertThat(routes.worthKeeping(topic, publisher, 1)).isFalse();
    }
}
