package io.ternmq.core;

import java.util.List;

/**
 * Hands the unacknowledged messages of a session that ended to other members of the shared subscriptions they
 * came from (MQTT 5 section 4.8.2: a QoS 1 message whose receiver's session ends before it acknowledged SHOULD go
 * to another member; queued messages were never sent, so any QoS goes). Each goes to one member picked like a
 * new message, on that member's own thread; when the group has no member left, the message is dropped.
 */
final class SharedRedelivery {

    private SharedRedelivery() {
    }

    /** Called on the ended session's thread after it left its groups, so it cannot be picked again. */
    static void toOtherMembers(List<Delivery> orphans) {
        for (Delivery orphan : orphans) {
            SharedGroup<Session> group = orphan.share();
            if (group == null) {
                continue;
            }
            SharedGroup.Member<Session> member = group.pick(Session::readiness);
            if (member == null) {
                continue; // nobody left to take it
            }
            Session target = member.subscriber();
            Delivery moved = orphan.redirected(member.options());
            target.owner().execute(() -> target.deliver(moved));
        }
    }
}
