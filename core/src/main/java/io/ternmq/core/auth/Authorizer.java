package io.ternmq.core.auth;

/** Decides, per client, which topics it may publish to and which filters it may subscribe to. Must not block. */
public interface Authorizer {

    Authorizer ALLOW_ALL = new Authorizer() {
        @Override
        public boolean mayPublish(ClientIdentity client, String topic) {
            return true;
        }

        @Override
        public boolean maySubscribe(ClientIdentity client, String topicFilter) {
            return true;
        }
    };

    boolean mayPublish(ClientIdentity client, String topic);

    boolean maySubscribe(ClientIdentity client, String topicFilter);
}
