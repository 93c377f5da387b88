package io.ternmq.e2e.clients;

import com.hivemq.client.mqtt.datatypes.MqttUtf8String;
import com.hivemq.client.mqtt.mqtt5.Mqtt5ClientConfig;
import com.hivemq.client.mqtt.mqtt5.auth.Mqtt5EnhancedAuthMechanism;
import com.hivemq.client.mqtt.mqtt5.message.auth.Mqtt5Auth;
import com.hivemq.client.mqtt.mqtt5.message.auth.Mqtt5AuthBuilder;
import com.hivemq.client.mqtt.mqtt5.message.auth.Mqtt5EnhancedAuth;
import com.hivemq.client.mqtt.mqtt5.message.auth.Mqtt5EnhancedAuthBuilder;
import com.hivemq.client.mqtt.mqtt5.message.connect.Mqtt5Connect;
import com.hivemq.client.mqtt.mqtt5.message.connect.connack.Mqtt5ConnAck;
import com.hivemq.client.mqtt.mqtt5.message.disconnect.Mqtt5Disconnect;
import io.ternmq.testkit.ScramClient;
import org.jspecify.annotations.Nullable;

import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * SCRAM-SHA-256 for the HiveMQ MQTT client's enhanced-authentication API: the client side of each exchange (the
 * CONNECT's and every re-authentication) with the testkit's {@link ScramClient}, and a record of what the broker
 * answered, for the test to check. The password may change between exchanges, as a rotated credential would.
 */
final class HiveMqScramMechanism implements Mqtt5EnhancedAuthMechanism {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final String user;
    private volatile String password;
    private volatile @Nullable ScramClient exchange;
    final List<String> events = new CopyOnWriteArrayList<>();

    HiveMqScramMechanism(String user, String password) {
        this.user = user;
        this.password = password;
    }

    void password(String next) {
        password = next;
    }

    @Override
    public MqttUtf8String getMethod() {
        return MqttUtf8String.of("SCRAM-SHA-256");
    }

    @Override
    public int getTimeout() {
        return 10;
    }

    @Override
    public CompletableFuture<Void> onAuth(Mqtt5ClientConfig config, Mqtt5Connect connect,
                                          Mqtt5EnhancedAuthBuilder builder) {
        builder.data(begin());
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletableFuture<Void> onReAuth(Mqtt5ClientConfig config, Mqtt5AuthBuilder builder) {
        builder.data(begin());
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletableFuture<Boolean> onContinue(Mqtt5ClientConfig config, Mqtt5Auth auth, Mqtt5AuthBuilder builder) {
        ScramClient current = exchange;
        Optional<ByteBuffer> serverFirst = auth.getData();
        if (current == null || serverFirst.isEmpty()) {
            return CompletableFuture.completedFuture(false);
        }
        builder.data(current.clientFinal(bytes(serverFirst.get())));
        return CompletableFuture.completedFuture(true);
    }

    @Override
    public CompletableFuture<Boolean> onAuthSuccess(Mqtt5ClientConfig config, Mqtt5ConnAck connAck) {
        return CompletableFuture.completedFuture(verified("connect", connAck.getEnhancedAuth()));
    }

    @Override
    public CompletableFuture<Boolean> onReAuthSuccess(Mqtt5ClientConfig config, Mqtt5Auth auth) {
        return CompletableFuture.completedFuture(verified("re-authentication", Optional.of(auth)));
    }

    @Override
    public void onAuthRejected(Mqtt5ClientConfig config, Mqtt5ConnAck connAck) {
        events.add("connect rejected " + connAck.getReasonCode());
    }

    @Override
    public void onReAuthRejected(Mqtt5ClientConfig config, Mqtt5Disconnect disconnect) {
        events.add("re-authentication rejected " + disconnect.getReasonCode());
    }

    @Override
    public void onAuthError(Mqtt5ClientConfig config, Throwable cause) {
        events.add("connect error " + cause);
    }

    @Override
    public void onReAuthError(Mqtt5ClientConfig config, Throwable cause) {
        events.add("re-authentication error " + cause);
    }

    private byte[] begin() {
        byte[] nonce = new byte[18];
        RANDOM.nextBytes(nonce);
        ScramClient next = new ScramClient(user, password, Base64.getEncoder().encodeToString(nonce));
        exchange = next;
        return next.clientFirst();
    }

    /** The server proved it knows the credential: its signature in the final data checks out. */
    private boolean verified(String step, Optional<? extends Mqtt5EnhancedAuth> auth) {
        ScramClient current = exchange;
        boolean proven = current != null && auth.flatMap(Mqtt5EnhancedAuth::getData)
                .map(data -> current.verifyServerFinal(bytes(data))).orElse(false);
        events.add(step + (proven ? " verified" : " NOT verified"));
        return proven;
    }

    private static byte[] bytes(ByteBuffer buffer) {
        byte[] bytes = new byte[buffer.remaining()];
        buffer.duplicate().get(bytes);
        return bytes;
    }
}
