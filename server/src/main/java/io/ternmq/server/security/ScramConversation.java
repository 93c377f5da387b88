package io.ternmq.server.security;

import io.ternmq.core.auth.AuthenticationConversation;
import io.ternmq.core.auth.AuthenticationResult;
import io.ternmq.core.auth.AuthenticationStep;
import org.jspecify.annotations.Nullable;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

/**
 * The server side of one SCRAM-SHA-256 exchange (RFC 5802 section 5): client-first-message, answered by the
 * server-first-message (AUTH 0x18); client-final-message, answered by the server-final-message (in the CONNACK
 * or AUTH 0x00) or a refusal. The server's work is two HMACs and a hash, no key stretching (the client does that),
 * so it runs inline and completes at once.
 *
 * <p>Every refusal is 0x87 (not authorized), whether the user is unknown, the proof wrong or a message malformed:
 * the client sent no user name or password field that 0x86 could point at, and one answer for all tells an
 * attacker nothing. Unknown users are refused only after the client-final-message, with a made-up salt before.
 */
final class ScramConversation implements AuthenticationConversation {

    private enum Stage { CLIENT_FIRST, CLIENT_FINAL, ENDED }

    private final ScramUsers users;
    private final Supplier<String> serverNonces;
    private Stage stage = Stage.CLIENT_FIRST;
    private @Nullable ScramClientFirst clientFirst;
    private ScramUsers.@Nullable Lookup lookup;
    private String serverFirst = "";

    /** {@code serverNonces} gives the server's part of each nonce: printable ASCII without ','. */
    ScramConversation(ScramUsers users, Supplier<String> serverNonces) {
        this.users = users;
        this.serverNonces = serverNonces;
    }

    @Override
    public CompletionStage<AuthenticationStep> respond(byte @Nullable [] clientData) {
        return CompletableFuture.completedFuture(step(clientData));
    }

    /** The user the client named in its first message, once it did; for logs. */
    @Nullable String user() {
        return clientFirst == null ? null : clientFirst.user();
    }

    private AuthenticationStep step(byte @Nullable [] clientData) {
        Stage current = stage;
        stage = current == Stage.CLIENT_FIRST ? Stage.CLIENT_FINAL : Stage.ENDED;
        if (clientData == null) {
            return refused("no SCRAM message in the Authentication Data");
        }
        try {
            return switch (current) {
                case CLIENT_FIRST -> first(ScramClientFirst.parse(clientData));
                case CLIENT_FINAL -> last(ScramClientFinal.parse(clientData));
                case ENDED -> refused("the SCRAM exchange has already ended");
            };
        } catch (ScramSyntaxException malformed) {
            stage = Stage.ENDED;
            return refused("malformed SCRAM message: " + malformed.getMessage());
        }
    }

    private AuthenticationStep first(ScramClientFirst message) {
        clientFirst = message;
        ScramUsers.Lookup found = users.find(message.user());
        lookup = found;
        ScramCredential credential = found.credential();
        serverFirst = "r=" + message.nonce() + serverNonces.get() + ",s="
                + Base64.getEncoder().encodeToString(credential.salt()) + ",i=" + credential.iterations();
        return new AuthenticationStep.Continue(serverFirst.getBytes(StandardCharsets.UTF_8));
    }

    private AuthenticationStep last(ScramClientFinal message) {
        ScramClientFirst first = clientFirst;
        ScramUsers.@Nullable Lookup found = lookup;
        assert first != null && found != null : "the final message comes after the first";
        if (!MessageDigest.isEqual(message.channelBinding(), first.gs2Header().getBytes(StandardCharsets.UTF_8))) {
            return refused("the channel binding does not repeat the GS2 header");
        }
        if (!serverFirst.startsWith("r=" + message.nonce() + ",")) {
            return refused("the nonce differs from the one the server sent");
        }
        byte[] authMessage = (first.bare() + "," + serverFirst + "," + message.withoutProof())
                .getBytes(StandardCharsets.UTF_8);
        ScramCredential credential = found.credential();
        byte[] clientSignature = ScramSha256.hmac(credential.storedKey(), authMessage);
        byte[] clientKey = ScramSha256.xor(message.proof(), clientSignature);
        boolean proven = MessageDigest.isEqual(ScramSha256.sha256(clientKey), credential.storedKey());
        return switch (found.kind()) {
            case UNKNOWN_USER -> refused("unknown user");
            case NO_SCRAM_CREDENTIAL -> refused("the user has no SCRAM-SHA-256 credential in the password file");
            case SCRAM_USER -> proven
                    ? new AuthenticationStep.Success(serverFinal(credential, authMessage), first.user())
                    : refused("wrong password (invalid proof)");
        };
    }

    private static byte[] serverFinal(ScramCredential credential, byte[] authMessage) {
        byte[] serverSignature = ScramSha256.hmac(credential.serverKey(), authMessage);
        return ("v=" + Base64.getEncoder().encodeToString(serverSignature)).getBytes(StandardCharsets.UTF_8);
    }

    private static AuthenticationStep refused(String detail) {
        return new AuthenticationStep.Failure(AuthenticationResult.NOT_AUTHORIZED, detail);
    }
}
