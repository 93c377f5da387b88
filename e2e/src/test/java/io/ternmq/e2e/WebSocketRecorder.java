package io.ternmq.e2e;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

/**
 * A WebSocket client connection made with the JDK's client, so that tests control every frame: it collects the
 * binary data the broker sends and notes the end of the connection, however it ends.
 */
public final class WebSocketRecorder implements WebSocket.Listener {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final ByteArrayOutputStream received = new ByteArrayOutputStream();
    private final CompletableFuture<String> ended = new CompletableFuture<>();

    /** Opens {@code /mqtt} on the broker's listener {@code listener}, offering the subprotocols in order. */
    public WebSocket open(BrokerExtension broker, String listener, String subprotocol, String... lesser)
            throws Exception {
        WebSocket webSocket = HTTP.newWebSocketBuilder().subprotocols(subprotocol, lesser)
                .buildAsync(URI.create("ws://127.0.0.1:" + broker.broker().port(listener) + "/mqtt"), this)
                .get(BrokerExtension.WAIT.toMillis(), TimeUnit.MILLISECONDS);
        broker.closeAfterTest(webSocket::abort);
        return webSocket;
    }

    /** Sends {@code bytes} as one binary frame and waits until it is sent. */
    public static void send(WebSocket webSocket, byte[] bytes) throws Exception {
        webSocket.sendBinary(ByteBuffer.wrap(bytes), true).get(BrokerExtension.WAIT.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void onOpen(WebSocket webSocket) {
        webSocket.request(Long.MAX_VALUE);
    }

    @Override
    public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
        byte[] bytes = new byte[data.remaining()];
        data.get(bytes);
        synchronized (received) {
            received.writeBytes(bytes);
        }
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        ended.complete("close " + statusCode);
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        ended.complete("error " + error);
    }

    /** Everything received so far. */
    public byte[] received() {
        synchronized (received) {
            return received.toByteArray();
        }
    }

    /** How the connection ended ("close CODE" or "error ..."), waiting for it up to {@link BrokerExtension#WAIT}. */
    public String awaitEnd() throws Exception {
        return ended.get(BrokerExtension.WAIT.toMillis(), TimeUnit.MILLISECONDS);
    }
}
