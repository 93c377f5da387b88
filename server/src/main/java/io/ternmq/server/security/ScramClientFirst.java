package io.ternmq.server.security;

/**
 * The client-first-message of SCRAM (RFC 5802 section 7): {@code gs2-header client-first-message-bare}, e.g.
 * {@code n,,n=user,r=fyko+d2lbbFgONRv9qkxdawL}. Only channel binding flag "n" (client does not support it) and
 * "y" (client does, but thinks we do not) are accepted: we offer no -PLUS variant, so "p=" is refused.
 *
 * @param gs2Header the header as sent, to compare with the channel binding of the client-final-message
 * @param user      the user name with "=2C" and "=3D" decoded
 * @param bare      the client-first-message-bare as sent: the start of the AuthMessage
 */
record ScramClientFirst(String gs2Header, String user, String nonce, String bare) {

    static ScramClientFirst parse(byte[] data) throws ScramSyntaxException {
        String text = ScramText.utf8(data);
        int flagEnd;
        if (text.startsWith("n,") || text.startsWith("y,")) {
            flagEnd = 1;
        } else if (text.startsWith("p=")) {
            throw new ScramSyntaxException("channel binding requested, but no -PLUS method is offered");
        } else {
            throw new ScramSyntaxException("the GS2 header does not start with 'n,', 'y,' or 'p='");
        }
        int headerEnd = text.indexOf(',', flagEnd + 1);
        if (headerEnd < 0) {
            throw new ScramSyntaxException("the GS2 header does not end with ','");
        }
        String authzid = text.substring(flagEnd + 1, headerEnd);
        String bare = text.substring(headerEnd + 1);
        if (bare.startsWith("m=")) {
            throw new ScramSyntaxException("a mandatory extension ('m=') is not supported");
        }
        String[] attributes = bare.split(",", -1);
        if (attributes.length < 2) {
            throw new ScramSyntaxException("client-first-message-bare needs 'n=' and 'r='");
        }
        String user = ScramText.saslName(ScramText.value(attributes[0], 'n'));
        String nonce = ScramText.nonce(ScramText.value(attributes[1], 'r'));
        ScramText.requireExtensions(attributes, 2, attributes.length);
        if (!authzid.isEmpty() && !ScramText.saslName(ScramText.value(authzid, 'a')).equals(user)) {
            throw new ScramSyntaxException("an authorization identity other than the user is not supported");
        }
        return new ScramClientFirst(text.substring(0, headerEnd + 1), user, nonce, bare);
    }
}
