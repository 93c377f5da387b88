package io.ternmq.e2e.spec.v5;

import io.ternmq.e2e.BrokerExtension;
import io.ternmq.server.security.AnonymousAccess;
import io.ternmq.testkit.EnhancedAuthPackets;
import io.ternmq.testkit.Hex;
import io.ternmq.testkit.Packets;
import io.ternmq.testkit.RawMqttClient;
import io.ternmq.testkit.ScramClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import static io.ternmq.e2e.spec.v5.ScramUsers.METHOD;
import static io.ternmq.e2e.spec.v5.ScramUsers.SCRAM_PASSWORD;
import static io.ternmq.e2e.spec.v5.ScramUsers.SCRAM_USER;
import static io.ternmq.e2e.spec.v5.ScramUsers.bytes;
import static io.ternmq.testkit.EnhancedAuthPackets.AUTHENTICATION_DATA;
import static io.ternmq.testkit.EnhancedAuthPackets.AUTHENTICATION_METHOD;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Enhanced authentication (section 4.12, AUTH 3.15) with the built-in SCRAM-SHA-256, byte by byte: the broker's
 * AUTH and CONNACK, its refusals, and re-authentication on a live connection.
 */
class EnhancedAuthenticationTest {

    @RegisterExtension
    static final BrokerExtension broker = BrokerExtension.with(b -> b.passwordFile(ScramUsers.file())
            .anonymousAccess(AnonymousAccess.DENIED));

    private static final String CLIENT_NONCE = "rOprNGfwEbeRWgbNEkqO";
    private static final int CONTINUE = 0x18;
    private static final int REAUTHENTICATE = 0x19;

    /** Sends the CONNECT with the client-first-message; returns the server-first-message of the AUTH 0x18. */
    private static byte[] start(RawMqttClient client, String clientId, ScramClient scram) {
        client.send(EnhancedAuthPackets.connect(clientId, METHOD, scram.clientFirst()));
        return expectChallenge(client);
    }

    /**
     * The next packet is AUTH 0x18 with the method and a server-first-message for our nonce: the whole packet
     * is compared with one built from that message, whose random parts (nonce end, salt) are checked by shape.
     */
    private static byte[] expectChallenge(RawMqttClient client) {
        byte[] packet = client.readPacket();
        byte[] serverFirst = EnhancedAuthPackets.authenticationData(packet);
        // [MQTT-3.15.1-1] flags 0; [MQTT-4.12.0-2] reason code 0x18; [MQTT-4.12.0-5] the CONNECT's method
        assertThat(Hex.format(packet)).isEqualTo(Hex.format(EnhancedAuthPackets.auth(CONTINUE, METHOD, serverFirst)));
        assertThat(new String(serverFirst, StandardCharsets.UTF_8))
                .matches("r=" + CLIENT_NONCE + "[A-Za-z0-9+/]{24},s=[A-Za-z0-9+/]{22}==,i=4096");
        return serverFirst;
    }

    /** The accepted CONNACK: reason code 0x00, and the method with the server-final-message as its last data. */
    private static void expectAccepted(RawMqttClient client, ScramClient scram) {
        byte[] connack = client.readPacket();
        assertThat(connack[0]).isEqualTo((byte) 0x20);
        assertThat(connack[connack[1] < 0 ? 3 : 2]).isZero(); // session present 0
        assertThat(connack[connack[1] < 0 ? 4 : 3]).isZero(); // reason code 0x00: Success
        Map<Integer, byte[]> properties = EnhancedAuthPackets.properties(connack);
        // [MQTT-4.12.0-5] a successful CONNACK carries the CONNECT's method
        assertThat(properties.get(AUTHENTICATION_METHOD)).isEqualTo(bytes(METHOD));
        byte[] serverFinal = properties.get(AUTHENTICATION_DATA);
        assertThat(scram.verifyServerFinal(serverFinal)).as("server signature").isTrue();
        // the two properties as encoded: 0x15 method, 0x16 the "v=" message of 46 bytes
        assertThat(Hex.format(connack)).contains(Hex.format(Hex.concat(new byte[] {0x15}, Packets.string(METHOD),
                new byte[] {0x16, 0x00, 0x2E}, serverFinal)));
    }

    private static RawMqttClient authenticated(String clientId) {
        RawMqttClient client = broker.raw();
        ScramClient scram = new ScramClient(SCRAM_USER, SCRAM_PASSWORD, CLIENT_NONCE);
        byte[] serverFirst = start(client, clientId, scram);
        client.send(EnhancedAuthPackets.auth(CONTINUE, METHOD, scram.clientFinal(serverFirst)));
        expectAccepted(client, scram);
        return client;
    }

    @Test
    void scram_rightPassword_authContinueThenConnackWithServerSignature() {
        RawMqttClient client = authenticated("ea-ok");

        client.send(Packets.pingreq()).expectBytes("d0 00"); // connected: packets flow
    }

    @Test
    void scram_wrongPassword_connack87ThenClosed() {
        RawMqttClient client = broker.raw();
        ScramClient scram = new ScramClient(SCRAM_USER, "pen", CLIENT_NONCE);
        byte[] serverFirst = start(client, "ea-wrong", scram);
        long failedBefore = broker.broker().securityStats().failedLogins();

        client.send(EnhancedAuthPackets.auth(CONTINUE, METHOD, scram.clientFinal(serverFirst)));

        // [MQTT-4.12.0-4] a CONNACK with a reason code of 0x80 or more, then the close: 0x87 Not authorized
        // (SCRAM used no user name or password field that 0x86 would point at)
        client.expectBytes("20 03 00 87 00");
        client.expectClosed(); // [MQTT-3.2.2-7]
        assertThat(broker.broker().securityStats().failedLogins()).isEqualTo(failedBefore + 1);
    }

    @Test
    void scram_unknownUser_challengedLikeAKnownUserThenConnack87() {
        RawMqttClient client = broker.raw();
        ScramClient scram = new ScramClient("mallory", SCRAM_PASSWORD, CLIENT_NONCE);

        byte[] serverFirst = start(client, "ea-unknown", scram); // same shape as for a real user (RFC 5802 5.1)
        client.send(EnhancedAuthPackets.auth(CONTINUE, METHOD, scram.clientFinal(serverFirst)));

        client.expectBytes("20 03 00 87 00"); // [MQTT-4.12.0-4]
        client.expectClosed();
    }

    @Test
    void scram_userWithoutScramCredential_connack87() {
        RawMqttClient client = broker.raw();
        ScramClient scram = new ScramClient(ScramUsers.PLAIN_USER, ScramUsers.PLAIN_PASSWORD, CLIENT_NONCE);

        byte[] serverFirst = start(client, "ea-plain", scram);
        client.send(EnhancedAuthPackets.auth(CONTINUE, METHOD, scram.clientFinal(serverFirst)));

        client.expectBytes("20 03 00 87 00"); // [MQTT-4.12.0-4]
        client.expectClosed();
    }

    @Test
    void scram_channelBindingRequested_connack87() {
        // the GS2 header asks for channel binding: no -PLUS method is offered
        broker.raw().send(EnhancedAuthPackets.connect("ea-plus", METHOD, bytes("p=tls-unique,,n=sam,r=x")))
                .expectBytes("20 03 00 87 00") // [MQTT-4.12.0-4]
                .expectClosed();
    }

    @Test
    void unknownMethod_connack8CThenClosed() {
        RawMqttClient client = broker.raw().send(EnhancedAuthPackets.connect("ea-krb", "GS2-KRB5", bytes("x")));

        // [MQTT-4.12.0-1] 0x8C Bad authentication method, then the close
        client.expectBytes("20 03 00 8c 00");
        client.expectClosed(); // [MQTT-3.2.2-7]
    }

    @Test
    void methodNamesAreCaseSensitive_connack8C() {
        broker.raw().send(EnhancedAuthPackets.connect("ea-case", "scram-sha-256", bytes("n,,n=sam,r=x")))
                .expectBytes("20 03 00 8c 00"); // [MQTT-4.12.0-1]
    }

    @Test
    void authenticationDataWithoutMethod_connack82() {
        // 3.1.2.11.10: Authentication Data without an Authentication Method is a Protocol Error
        broker.raw().send(EnhancedAuthPackets.connect("ea-nomethod", null, bytes("x")))
                .expectBytes("20 03 00 82 00")
                .expectClosed();
    }

    @Test
    void publishDuringTheExchange_connack82() {
        RawMqttClient client = broker.raw();
        start(client, "ea-early", new ScramClient(SCRAM_USER, SCRAM_PASSWORD, CLIENT_NONCE));

        client.send(Packets.pingreq());

        // [MQTT-3.1.2-30] only AUTH or DISCONNECT before the CONNACK: a Protocol Error otherwise [MQTT-4.13.1-1],
        // told in a CONNACK, as nothing but AUTH may come before it [MQTT-3.2.0-1]
        client.expectBytes("20 03 00 82 00");
        client.expectClosed();
    }

    @Test
    void publishPipelinedAfterConnect_notProcessed() {
        RawMqttClient subscriber = broker.raw().send(Packets.connectBuilder("ea-watch").username(SCRAM_USER)
                .password(bytes(SCRAM_PASSWORD)).build()).expectBytes("20 02 00 00");
        BrokerExtension.subscribe(subscriber, "ea/pipe", 0);
        RawMqttClient client = broker.raw();
        ScramClient scram = new ScramClient(SCRAM_USER, SCRAM_PASSWORD, CLIENT_NONCE);
        byte[] publish = Packets.packet(0x30, Packets.string("ea/pipe"), new byte[] {0}, bytes("leak"));

        client.send(Hex.concat(EnhancedAuthPackets.connect("ea-pipe", METHOD, scram.clientFirst()), publish));
        expectChallenge(client);
        client.expectBytes("20 03 00 82 00").expectClosed();
        subscriber.send(Packets.publish("ea/pipe", "marker"));

        // [MQTT-3.1.4-6] nothing but AUTH is processed from a client whose CONNECT is not accepted: the first
        // message the subscriber gets is the one published after the refusal
        assertThat(new String(subscriber.readPublish().payload(), StandardCharsets.UTF_8)).isEqualTo("marker");
    }

    @Test
    void authWithReservedFlags_disconnect81() {
        RawMqttClient client = authenticated("ea-flags");

        client.send("f1 00");

        // [MQTT-3.15.1-1] AUTH flags other than 0 make a Malformed Packet: DISCONNECT 0x81, then the close
        client.expectBytes("e0 01 81");
        client.expectClosed();
    }

    @Test
    void authWithUndefinedReasonCode_disconnect81() {
        RawMqttClient client = authenticated("ea-code");

        client.send("f0 02 01 00"); // reason code 0x01 is not an Authenticate Reason Code

        // [MQTT-3.15.2-1] only 0x00, 0x18 and 0x19: anything else is malformed
        client.expectBytes("e0 01 81");
        client.expectClosed();
    }

    @Test
    void authSuccessFromTheClient_disconnect82() {
        RawMqttClient client = authenticated("ea-client-success");

        client.send(EnhancedAuthPackets.auth(0x00, METHOD, null));

        // 3.15.2.1: 0x00 Success is the server's to send; a client AUTH out of turn is a Protocol Error
        client.expectBytes("e0 01 82");
        client.expectClosed();
    }

    @Test
    void continueWithoutAChallenge_disconnect82() {
        RawMqttClient client = authenticated("ea-unasked");

        client.send(EnhancedAuthPackets.auth(CONTINUE, METHOD, bytes("c=biws,r=x,p=AAAA")));

        client.expectBytes("e0 01 82"); // [MQTT-4.12.0-3] 0x18 answers a server AUTH 0x18, nothing else
        client.expectClosed();
    }

    @Test
    void authWithAnotherMethodDuringTheExchange_connack82() {
        RawMqttClient client = broker.raw();
        ScramClient scram = new ScramClient(SCRAM_USER, SCRAM_PASSWORD, CLIENT_NONCE);
        byte[] serverFirst = start(client, "ea-other", scram);

        client.send(EnhancedAuthPackets.auth(CONTINUE, "SCRAM-SHA-1", scram.clientFinal(serverFirst)));

        client.expectBytes("20 03 00 82 00"); // [MQTT-4.12.0-5] every AUTH carries the CONNECT's method
        client.expectClosed();
    }

    @Test
    void authOnAConnectionWithoutMethod_disconnect82() {
        RawMqttClient client = broker.raw().send(EnhancedAuthPackets.connect("ea-simple", null, null,
                ScramUsers.PLAIN_USER, bytes(ScramUsers.PLAIN_PASSWORD)));
        byte[] connack = client.readPacket();
        assertThat(connack[3]).isZero();
        // [MQTT-4.12.0-6] no Authentication Method in the CONNACK of a CONNECT without one
        assertThat(EnhancedAuthPackets.properties(connack)).doesNotContainKeys(AUTHENTICATION_METHOD,
                AUTHENTICATION_DATA);

        client.send(EnhancedAuthPackets.auth(REAUTHENTICATE, METHOD, bytes("n,,n=sam,r=x")));

        // [MQTT-4.12.0-7] AUTH without a method in CONNECT is a Protocol Error: DISCONNECT 0x82, then the close
        client.expectBytes("e0 01 82");
        client.expectClosed();
    }

    @Test
    void reauthenticate_rightPassword_auth00WithServerSignature_otherPacketsMeanwhile() {
        RawMqttClient client = authenticated("ea-reauth");
        ScramClient again = new ScramClient(SCRAM_USER, SCRAM_PASSWORD, CLIENT_NONCE);

        client.send(EnhancedAuthPackets.auth(REAUTHENTICATE, METHOD, again.clientFirst()));
        byte[] serverFirst = expectChallenge(client); // [MQTT-4.12.0-2] [MQTT-4.12.0-5]
        client.send(Packets.pingreq()).expectBytes("d0 00"); // 4.12.1: other packets flow during re-authentication
        client.send(EnhancedAuthPackets.auth(CONTINUE, METHOD, again.clientFinal(serverFirst)));

        // 4.12.1: AUTH 0x00 Success with the method [MQTT-4.12.0-5] and the server-final-message
        byte[] success = client.readPacket();
        byte[] serverFinal = EnhancedAuthPackets.authenticationData(success);
        assertThat(again.verifyServerFinal(serverFinal)).as("server signature").isTrue();
        assertThat(Hex.format(success)).isEqualTo(Hex.format(EnhancedAuthPackets.auth(0x00, METHOD, serverFinal)));
        client.send(Packets.pingreq()).expectBytes("d0 00");
    }

    @Test
    void reauthenticate_wrongPassword_disconnect87ThenClosed() {
        RawMqttClient client = authenticated("ea-reauth-wrong");
        ScramClient again = new ScramClient(SCRAM_USER, "pen", CLIENT_NONCE);
        client.send(EnhancedAuthPackets.auth(REAUTHENTICATE, METHOD, again.clientFirst()));
        byte[] serverFirst = expectChallenge(client);

        client.send(EnhancedAuthPackets.auth(CONTINUE, METHOD, again.clientFinal(serverFirst)));

        // [MQTT-4.12.1-2] a failed re-authentication: DISCONNECT (0x87, DISCONNECT has no 0x86), then the close
        client.expectBytes("e0 01 87");
        client.expectClosed();
    }

    @Test
    void reauthenticate_asAnotherUser_disconnect87() {
        RawMqttClient client = authenticated("ea-reauth-other");
        ScramClient other = new ScramClient("mallory", "x", CLIENT_NONCE);
        client.send(EnhancedAuthPackets.auth(REAUTHENTICATE, METHOD, other.clientFirst()));
        byte[] serverFirst = expectChallenge(client);

        client.send(EnhancedAuthPackets.auth(CONTINUE, METHOD, other.clientFinal(serverFirst)));

        client.expectBytes("e0 01 87"); // [MQTT-4.12.1-2]
        client.expectClosed();
    }

    @Test
    void reauthenticate_withAnotherMethod_disconnect82() {
        RawMqttClient client = authenticated("ea-reauth-method");

        client.send(EnhancedAuthPackets.auth(REAUTHENTICATE, "SCRAM-SHA-1", bytes("n,,n=sam,r=x")));

        // [MQTT-4.12.1-1] a re-authentication uses the connection's method: anything else is a Protocol Error
        client.expectBytes("e0 01 82");
        client.expectClosed();
    }

    @Test
    void plainConnect5_wrongPasswordOrUnknownUser_connack86() {
        // [MQTT-3.1.4-2] a failed authentication refuses the CONNECT: 0x86 Bad User Name or Password
        broker.raw().send(EnhancedAuthPackets.connect("ea-p-wrong", null, null, ScramUsers.PLAIN_USER,
                bytes("wrong"))).expectBytes("20 03 00 86 00").expectClosed();
        broker.raw().send(EnhancedAuthPackets.connect("ea-p-unknown", null, null, "mallory", bytes("x")))
                .expectBytes("20 03 00 86 00").expectClosed();
    }

    @Test
    void plainConnect5_anonymousDenied_connack87() {
        broker.raw().send(EnhancedAuthPackets.connect("ea-p-anon", null, null))
                .expectBytes("20 03 00 87 00") // [MQTT-3.1.4-2] 0x87 Not authorized
                .expectClosed();
    }

    @Test
    void plainConnect5_scramUserWithItsPassword_accepted() {
        byte[] connack = broker.raw().send(EnhancedAuthPackets.connect("ea-p-sam", null, null, SCRAM_USER,
                bytes(SCRAM_PASSWORD))).readPacket();

        assertThat(connack[3]).isZero(); // the SCRAM credential checks a plain password too
    }
}
