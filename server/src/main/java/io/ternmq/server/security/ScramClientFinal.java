package io.ternmq.server.security;

/**
 * The client-final-message of SCRAM (RFC 5802 section 7): {@code c=<base64 channel binding>,r=<nonce>[,ext],
 * p=<base64 proof>}, the proof always last.
 *
 * @param channelBinding the decoded "c=" value: the GS2 header again, as no channel binding data is used
 * @param withoutProof   the message up to the ",p=": the end of the AuthMessage
 */
record ScramClientFinal(byte[] channelBinding, String nonce, byte[] proof, String withoutProof) {

    static ScramClientFinal parse(byte[] data) throws ScramSyntaxException {
        String text = ScramText.utf8(data);
        String[] attributes = text.split(",", -1);
        if (attributes.length < 3) {
            throw new ScramSyntaxException("client-final-message needs 'c=', 'r=' and 'p='");
        }
        byte[] channelBinding = ScramText.base64(ScramText.value(attributes[0], 'c'));
        String nonce = ScramText.nonce(ScramText.value(attributes[1], 'r'));
        ScramText.requireExtensions(attributes, 2, attributes.length - 1);
        byte[] proof = ScramText.base64(ScramText.value(attributes[attributes.length - 1], 'p'));
        if (proof.length != ScramSha256.KEY_BYTES) {
            throw new ScramSyntaxException("the proof is " + proof.length + " bytes, not " + ScramSha256.KEY_BYTES);
        }
        String withoutProof = text.substring(0, text.lastIndexOf(','));
        return new ScramClientFinal(channelBinding, nonce, proof, withoutProof);
    }
}
