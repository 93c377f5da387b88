package io.ternmq.server;

import io.ternmq.core.Mqtt5ConnectPolicy;
import io.ternmq.core.Mqtt5Settings;
import io.ternmq.core.OutboundAliasPolicy;
import io.ternmq.core.RetainSupport;
import io.ternmq.core.ServerRedirect;
import io.ternmq.core.SubscriptionFeatures;
import io.ternmq.core.TopicLimits;
import io.ternmq.protocol.Qos;
import org.jspecify.annotations.Nullable;

import java.util.Objects;

/**
 * The protocol options of {@link Broker.Builder}: the topic limits every client is held to, and what the broker
 * announces to MQTT 5 clients in CONNACK and holds them to. Kept apart from the listener, storage and security
 * options; only {@link Broker.Builder} extends it.
 *
 * @param <B> the builder type each setter returns, for chaining
 */
public abstract class ProtocolOptions<B extends ProtocolOptions<B>> {

    private int maxTopicLength = TopicLimits.DEFAULTS.maxTopicBytes();
    private int maxTopicLevels = TopicLimits.DEFAULTS.maxTopicLevels();
    private int maxSubscriptionsPerClient = TopicLimits.DEFAULTS.maxSubscriptionsPerClient();
    private int maxKeepAliveSeconds;
    private long maxSessionExpirySeconds;
    private @Nullable String responseInformation;
    private @Nullable ServerRedirect serverRedirect;
    private int receiveMaximum = Mqtt5Settings.DEFAULTS.receiveMaximum();
    private int topicAliasMaximum = Mqtt5Settings.DEFAULTS.topicAliasMaximum();
    private OutboundAliasPolicy outboundTopicAliases = Mqtt5Settings.DEFAULTS.outboundTopicAliases();
    private Qos maximumQos = Qos.EXACTLY_ONCE;
    private RetainSupport retainSupport = RetainSupport.AVAILABLE;
    private SubscriptionFeatures subscriptionFeatures = SubscriptionFeatures.ALL;

    ProtocolOptions() {
    }

    /** The builder itself, returned by every setter. */
    abstract B self();

    /**
     * The longest keep-alive an MQTT 5 client may use, 1..65535 seconds: one asking for more or for none (0) is
     * told this value in CONNACK (Server Keep Alive) and held to it. 0, the default, sets no maximum.
     * MQTT 3.1.1 clients keep their own keep-alive (3.1.1 cannot tell them otherwise).
     */
    public B maxKeepAlive(int seconds) {
        if (seconds < 0 || seconds > 65_535) {
            throw new IllegalArgumentException("maxKeepAlive must be 0..65535 seconds, was " + seconds);
        }
        this.maxKeepAliveSeconds = seconds;
        return self();
    }

    /**
     * The longest Session Expiry Interval an MQTT 5 client gets, 1..4294967295 seconds: one asking for more is
     * told this value in CONNACK and its session is discarded that long after it disconnects. 0, the default,
     * sets no maximum (0xFFFFFFFF then keeps a session forever). MQTT 3.1.1 persistent sessions never expire.
     */
    public B maxSessionExpiry(long seconds) {
        if (seconds < 0 || seconds > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("maxSessionExpiry must be 0..4294967295 seconds, was " + seconds);
        }
        this.maxSessionExpirySeconds = seconds;
        return self();
    }

    /**
     * The Response Information an MQTT 5 client gets in CONNACK when it asks for it (Request Response
     * Information = 1), e.g. a topic prefix under which it may place responses; null or empty, the default,
     * gives none.
     */
    public B responseInformation(@Nullable String information) {
        this.responseInformation = information;
        return self();
    }

    /**
     * Sends every new client elsewhere: MQTT 5 clients get CONNACK 0x9C/0x9D with the Server Reference, 3.1.1
     * clients CONNACK 0x03 (Server unavailable). Null, the default, accepts clients as usual.
     */
    public B serverRedirect(@Nullable ServerRedirect redirect) {
        this.serverRedirect = redirect;
        return self();
    }

    /**
     * QoS 1/2 PUBLISHes an MQTT 5 client may have unacknowledged towards the broker (announced in CONNACK; a
     * client beyond it is disconnected with 0x93); default 65535.
     */
    public B receiveMaximum(int publishes) {
        if (publishes < 1 || publishes > 65_535) {
            throw new IllegalArgumentException("receiveMaximum must be 1..65535, was " + publishes);
        }
        this.receiveMaximum = publishes;
        return self();
    }

    /** Highest topic alias an MQTT 5 client may use towards the broker (announced in CONNACK); 0: none; default 10. */
    public B topicAliasMaximum(int aliases) {
        if (aliases < 0 || aliases > 65_535) {
            throw new IllegalArgumentException("topicAliasMaximum must be 0..65535, was " + aliases);
        }
        this.topicAliasMaximum = aliases;
        return self();
    }

    /** Whether the broker uses topic aliases towards MQTT 5 clients that accept them; default LRU. */
    /**
     * Which optional subscription features are offered: shared subscriptions, subscription identifiers, wildcard
     * filters; default all. MQTT 5 clients are told in CONNACK.
     */
    public B subscriptionFeatures(SubscriptionFeatures features) {
        this.subscriptionFeatures = Objects.requireNonNull(features, "features");
        return self();
    }

    public B outboundTopicAliases(OutboundAliasPolicy policy) {
        this.outboundTopicAliases = Objects.requireNonNull(policy, "policy");
        return self();
    }

    /**
     * The highest QoS a client may publish with, announced to MQTT 5 clients in CONNACK (Maximum QoS); default
     * QoS 2. A PUBLISH or will above it is refused: 5.0 clients get DISCONNECT / CONNACK 0x9B, a 3.1.1
     * connection is closed. Subscriptions are granted as requested whatever this is.
     */
    public B maximumQos(Qos qos) {
        this.maximumQos = Objects.requireNonNull(qos, "qos");
        return self();
    }

    /**
     * Whether clients may publish retained messages (announced to MQTT 5 clients as Retain Available); default
     * available. When not, a PUBLISH or will with RETAIN=1 is refused: 5.0 clients get DISCONNECT / CONNACK
     * 0x9A, a 3.1.1 connection is closed.
     */
    public B retainSupport(RetainSupport support) {
        this.retainSupport = Objects.requireNonNull(support, "support");
        return self();
    }

    /** Longest topic name or filter in UTF-8 bytes, 1..65535; default 65535. */
    public B maxTopicLength(int bytes) {
        if (bytes < 1 || bytes > 65_535) {
            throw new IllegalArgumentException("maxTopicLength must be 1..65535, was " + bytes);
        }
        this.maxTopicLength = bytes;
        return self();
    }

    /** Most levels in a topic name or filter; default 128. */
    public B maxTopicLevels(int levels) {
        if (levels < 1) {
            throw new IllegalArgumentException("maxTopicLevels must be at least 1, was " + levels);
        }
        this.maxTopicLevels = levels;
        return self();
    }

    /** Most subscriptions one client session may hold; default 10000. */
    public B maxSubscriptionsPerClient(int subscriptions) {
        if (subscriptions < 1) {
            throw new IllegalArgumentException("maxSubscriptionsPerClient must be at least 1, was "
                    + subscriptions);
        }
        this.maxSubscriptionsPerClient = subscriptions;
        return self();
    }

    TopicLimits topicLimits() {
        return new TopicLimits(maxTopicLength, maxTopicLevels, maxSubscriptionsPerClient);
    }

    /** These options as the core takes them, with the transport's packet size limit. */
    Mqtt5Settings mqtt5Settings(int maxPacketSize) {
        return new Mqtt5Settings(maxPacketSize, receiveMaximum, topicAliasMaximum, outboundTopicAliases,
                new Mqtt5ConnectPolicy(maxKeepAliveSeconds, responseInformation, serverRedirect, maximumQos,
                        retainSupport, maxSessionExpirySeconds),
                subscriptionFeatures);
    }
}
