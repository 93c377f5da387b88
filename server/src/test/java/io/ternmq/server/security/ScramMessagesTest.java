package io.ternmq.server.security;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** RFC 5802 section 7 grammar, byte for byte. */
class ScramMessagesTest {

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static void assertFirstRefused(byte[] data, String problem) {
        assertThatThrownBy(() -> ScramClientFirst.parse(data)).isInstanceOf(ScramSyntaxException.class)
                .hasMessageContaining(problem);
    }

    private static void assertFinalRefused(byte[] data, String problem) {
        assertThatThrownBy(() -> ScramClientFinal.parse(data)).isInstanceOf(ScramSyntaxException.class)
                .hasMessageContaining(problem);
    }

    @Test
    void clientFirst_rfcExample_fieldsAndBareAsSent() throws ScramSyntaxException {
        ScramClientFirst first = ScramClientFirst.parse(ascii("n,,n=user,r=rOprNGfwEbeRWgbNEkqO"));

        assertThat(first).isEqualTo(new ScramClientFirst("n,,", "user", "rOprNGfwEbeRWgbNEkqO",
                "n=user,r=rOprNGfwEbeRWgbNEkqO"));
    }

    @Test
    void clientFirst_escapedCommaAndEquals_decodedInTheName() throws ScramSyntaxException {
        // n=a=2Cb=3Dc is the user "a,b=c"
        ScramClientFirst first = ScramClientFirst.parse(ascii("n,,n=a=2Cb=3Dc,r=x"));

        assertThat(first.user()).isEqualTo("a,b=c");
    }

    @Test
    void clientFirst_utf8Name_andOptionalExtension_accepted() throws ScramSyntaxException {
        byte[] data = {'n', ',', ',', 'n', '=', (byte) 0xC3, (byte) 0xA9, ',', 'r', '=', 'x', ',', 'e', '=', '1'};

        assertThat(ScramClientFirst.parse(data).user()).isEqualTo("\u00e9");
    }

    @Test
    void clientFirst_malformed_refusedWithTheReason() {
        assertFirstRefused(ascii(""), "GS2 header");
        assertFirstRefused(ascii("x,,n=user,r=abc"), "GS2 header");
        assertFirstRefused(ascii("p=tls-unique,,n=user,r=abc"), "channel binding");
        assertFirstRefused(ascii("n,"), "does not end with ','");
        assertFirstRefused(ascii("n,,m=ext,n=user,r=abc"), "mandatory extension");
        assertFirstRefused(ascii("n,,n=user"), "needs 'n=' and 'r='");
        assertFirstRefused(ascii("n,,r=abc,n=user"), "'n='");
        assertFirstRefused(ascii("n,,n=,r=abc"), "user name is empty");
        assertFirstRefused(ascii("n,,n=us=2Xer,r=abc"), "'=' not followed by 2C or 3D");
        assertFirstRefused(ascii("n,,n=user=,r=abc"), "'=' not followed by 2C or 3D");
        assertFirstRefused(ascii("n,,n=user,r="), "nonce is empty");
        assertFirstRefused(ascii("n,,n=user,r=a b"), "printable ASCII");
        assertFirstRefused(ascii("n,,n=user,r=abc,"), "'x=value'");
        assertFirstRefused(ascii("n,,n=user,r=abc,1=x"), "'x=value'");
        assertFirstRefused(ascii("n,a=other,n=user,r=abc"), "authorization identity");
        assertFirstRefused(new byte[] {'n', ',', ',', 'n', '=', (byte) 0xC3, ',', 'r', '=', 'x'}, "UTF-8");
        assertFirstRefused(new byte[] {'n', ',', ',', 'n', '=', 'u', 0, ',', 'r', '=', 'x'}, "NUL");
    }

    @Test
    void clientFinal_rfcExample_fieldsAndMessageWithoutProof() throws ScramSyntaxException {
        ScramClientFinal last = ScramClientFinal.parse(ascii("c=biws,r=abc,p=dHzbZapWIk4jUhN+Ute9ytag9zjfMHgsqmmiz7"
                + "AndVQ="));

        assertThat(last.channelBinding()).isEqualTo(ascii("n,,"));
        assertThat(last.nonce()).isEqualTo("abc");
        assertThat(last.proof()).hasSize(32);
        assertThat(last.withoutProof()).isEqualTo("c=biws,r=abc");
    }

    @Test
    void clientFinal_extensionBeforeTheProof_keptInTheMessageWithoutProof() throws ScramSyntaxException {
        ScramClientFinal last = ScramClientFinal.parse(ascii("c=biws,r=abc,x=1,p=dHzbZapWIk4jUhN+Ute9ytag9zjfMHgsqmm"
                + "iz7AndVQ="));

        assertThat(last.withoutProof()).isEqualTo("c=biws,r=abc,x=1");
    }

    @Test
    void clientFinal_malformed_refusedWithTheReason() {
        String proof = "p=dHzbZapWIk4jUhN+Ute9ytag9zjfMHgsqmmiz7AndVQ=";
        assertFinalRefused(ascii("c=biws,r=abc"), "needs 'c=', 'r=' and 'p='");
        assertFinalRefused(ascii("r=abc,c=biws," + proof), "'c='");
        assertFinalRefused(ascii("c=biws,r=abc,p=AAAA"), "not 32");
        assertFinalRefused(ascii("c=biw,r=abc," + proof), "padded");
        assertFinalRefused(ascii("c=bi*s,r=abc," + proof), "base64");
        assertFinalRefused(ascii("c=biws,r=abc," + proof + ",x=1"), "'p='");
        assertFinalRefused(ascii("c=biws,r=abc,=1," + proof), "'x=value'");
        assertFinalRefused(ascii("c=biws,r=," + proof), "nonce is empty");
        assertFinalRefused(new byte[] {'c', '=', (byte) 0xFF}, "UTF-8");
    }
}
