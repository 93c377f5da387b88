package io.ternmq.core;

/**
 * Moves a connected publisher's session, with its connection, to another session thread: the one whose IO loop
 * reads the connection since the transport's balancing moved it there. Until then each of its packets is handed
 * from that loop to the session's thread and routed there, so the loop that sheds a publisher keeps routing its
 * messages: in a fan-in, the subscriber's loop stays the busiest whatever the balancer moves (bench/RESULTS.md,
 * twenty-sixth pass). Moving the session takes the routing along.
 * <p>
 * Only a session that receives nothing moves ({@link Session#isMovable()}): it never subscribed, so no other
 * session hands it messages, on the thread it had then or any other. Its own messages keep their order: the IO thread
 * holds the packets it reads while the move is asked ({@link ConnectionHandler}); the old thread hands the routes
 * it batched for other threads over before the new one can route anything of this client; and the client id's
 * claim moves to the new thread in one atomic step with the session's hand-over, so a new CONNECT for the client
 * id that reads the new owner finds the session there ({@link SessionOwners#move}).
 */
final class SessionMove {

    private SessionMove() {
    }

    /**
     * On the connection's owner thread: moves it and its session to {@code target} if both allow it; its
     * {@link Connection#owner()} tells where it is afterwards.
     */
    static void tryMove(Connection connection, SessionThread target, BrokerContext broker) {
        SessionThread from = connection.owner();
        assert from.isCurrent();
        if (target == from || !connection.isMovable()) {
            return;
        }
        Session session = connection.session();
        from.handOverBatchesNow();
        boolean moved = broker.threads().owners().move(connection.clientId(), from, target, () -> {
            from.sessions().remove(session.clientId(), session);
            connection.movedTo(target);
            target.arrive(session);
        });
        if (moved) {
            broker.stats().sessionMoves.increment();
        }
    }
}
