package io.ternmq.e2e;

import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** What a Paho v5 client was told by the broker, queued so a test can wait for it without sleeping. */
public final class PahoEvents implements MqttCallback {

    /** A message and the topic it arrived on. */
    public record Arrived(String topic, MqttMessage message) {
    }

    private final BlockingQueue<Arrived> messages = new LinkedBlockingQueue<>();
    private final BlockingQueue<MqttDisconnectResponse> disconnects = new LinkedBlockingQueue<>();

    public Arrived nextMessage() throws InterruptedException {
        Arrived next = messages.poll(BrokerExtension.WAIT.toMillis(), TimeUnit.MILLISECONDS);
        if (next == null) {
            throw new AssertionError("no message within " + BrokerExtension.WAIT);
        }
        return next;
    }

    /** The DISCONNECT the broker sent (or the connection loss), waiting for it. */
    public MqttDisconnectResponse nextDisconnect() throws InterruptedException {
        MqttDisconnectResponse next = disconnects.poll(BrokerExtension.WAIT.toMillis(), TimeUnit.MILLISECONDS);
        if (next == null) {
            throw new AssertionError("not disconnected within " + BrokerExtension.WAIT);
        }
        return next;
    }

    @Override
    public void disconnected(MqttDisconnectResponse response) {
        disconnects.add(response);
    }

    @Override
    public void mqttErrorOccurred(MqttException exception) {
        // surfaces as a failed token or a disconnect, which the test checks
    }

    @Override
    public void messageArrived(String topic, MqttMessage message) {
        messages.add(new Arrived(topic, message));
    }

    @Override
    public void deliveryComplete(IMqttToken token) {
        // tests wait on the publish token itself
    }

    @Override
    public void connectComplete(boolean reconnect, String serverUri) {
        // the synchronous connect returns when this would be called
    }

    @Override
    public void authPacketArrived(int reasonCode, MqttProperties properties) {
        // no enhanced authentication in these tests
    }
}
