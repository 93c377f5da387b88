package io.ternmq.core;

import io.ternmq.core.auth.Authenticator;
import io.ternmq.core.auth.Authorizer;
import io.ternmq.protocol.Qos;
import io.ternmq.store.memory.InMemoryStorage;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A kept fan-out route is found only by the same topic instance, publisher and subscriptions version. */
class FanOutRoutesTest {

    private final FanOutRoutes routes = new FanOutRoutes();
    private final String topic = new StringBuilder("fan/").append("out").toString();
    private final Object publisher = new Object();

    /** Sessions of a broker context without a router: only their owners matter to a route. */
    private static FanOutRoute routeOf(int sessions) {
        CoreConfig config = new CoreConfig(2, 4, 100);
        MemoryBudget memory = new MemoryBudget(config.memory());
        SessionThreads threads = new SessionThreads(2, index -> Runnable::run);
        var context = new BrokerContext(config, Authenticator.ALLOW_ALL, Authorizer.ALLOW_ALL, new FakeClock(),
                new CoreStores(new InMemoryStorage()), threads, new Subscriptions(), null, null, null,
                new CoreStats(() -> 0, () -> 0, memory), null, memory);
        TargetMap<Session> targets = new TargetMap<>();
        for (int i = 0; i < sessions; i++) {
            var session = new Session("s" + i, SessionLifetime.CONNECTION, threads.get(i % 2), context);
            targets.put(session, SubscriptionOptions.of(Qos.AT_MOST_ONCE));
        }
        return FanOutRoute.of(targets, threads.size());
    }

    @Test
    void of_sessionsGroupedByOwnerThreadInMatchOrder() {
        FanOutRoute route = routeOf(5);

        assertThat(route.sessions()).isEqualTo(5);
        assertThat(route.holders()).isZero(); // connection-lifetime sessions keep no rows
        assertThat(route.group(0).sessions()).extracting(Session::clientId).containsExactly("s0", "s2", "s4");
        assertThat(route.group(1).sessions()).extracting(Session::clientId).containsExactly("s1", "s3");
        assertThat(route.group(1).holdsRows()).isFalse();
    }

    @Test
    void kept_sameTopicPublisherAndVersion_found() {
        FanOutRoute route = routeOf(FanOutRoutes.MIN_SESSIONS);
        assertThat(routes.find(topic, publisher, 7)).isNull();

        routes.keep(topic, publisher, 7, route);

        assertThat(routes.find(topic, publisher, 7)).isSameAs(route);
    }

    @Test
    void kept_anEqualTopicOfAnotherInstanceOrAnotherPublisher_notFound() {
        routes.find(topic, publisher, 7);
        routes.keep(topic, publisher, 7, routeOf(FanOutRoutes.MIN_SESSIONS));

        assertThat(routes.find(new String(topic), publisher, 7)).isNull();
        assertThat(routes.find(topic, new Object(), 7)).isNull();
        assertThat(routes.find(topic, null, 7)).isNull();
    }

    @Test
    void anotherVersion_dropsEveryRoute() {
        routes.find(topic, publisher, 7);
        routes.keep(topic, publisher, 7, routeOf(FanOutRoutes.MIN_SESSIONS));

        assertThat(routes.find(topic, publisher, 8)).isNull();
        assertThat(routes.find(topic, publisher, 7)).as("not back with the old version").isNull();
    }

    @Test
    void keep_atAnotherVersionThanTheLastLookupOrWhileWritten_notKept() {
        routes.find(topic, publisher, 7);
        routes.keep(topic, publisher, 8, routeOf(FanOutRoutes.MIN_SESSIONS));
        assertThat(routes.find(topic, publisher, 7)).isNull();

        routes.find(topic, publisher, 0);
        routes.keep(topic, publisher, 0, routeOf(FanOutRoutes.MIN_SESSIONS));
        assertThat(routes.find(topic, publisher, 0)).isNull();
    }

    @Test
    void keep_routeOverTheLimit_notKept() {
        routes.find(topic, publisher, 7);
        routes.keep(topic, publisher, 7, routeOf(FanOutRoutes.MAX_SESSIONS + 1));

        assertThat(routes.find(topic, publisher, 7)).isNull();
    }
}
