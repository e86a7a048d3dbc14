package dev.yubin.message;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** RFC 2045 §6 decoding for BINARY and search: streaming and in-memory forms agree on valid input. */
class TransferDecodingTest {

    private static String stream(String encoded, String encoding) throws IOException {
        byte[] in = encoded.getBytes(StandardCharsets.ISO_8859_1);
        return new String(TransferDecoding.decode(new ByteArrayInputStream(in), encoding).readAllBytes(),
                StandardCharsets.UTF_8);
    }

    private static String bytes(String encoded, String encoding) {
        byte[] in = encoded.getBytes(StandardCharsets.ISO_8859_1);
        return new String(TransferDecoding.decode(in, 0, in.length, encoding), StandardCharsets.UTF_8);
    }

    @Test
    void base64() throws IOException {
        String enc = "R3LDvMOfZSBhdXMg\r\nS8O2bG4=\r\n";
        assertThat(stream(enc, "base64")).isEqualTo("Grüße aus Köln");
        assertThat(bytes(enc, "BASE64 ")).isEqualTo("Grüße aus Köln");
        assertThat(bytes("SGk=SGk=", "base64")).isEqualTo("HiHi");
        assertThat(bytes("S G\u0000k*", "base64")).isEqualTo("Hi");
    }

    @Test
    void quotedPrintable() throws IOException {
        String enc = "Gr=C3=BC=C3=9Fe=\r\n aus=20K=C3=B6ln =3D=\n ok=\r\n";
        assertThat(stream(enc, "quoted-printable")).isEqualTo("Grüße aus Köln = ok");
        assertThat(bytes(enc, "Quoted-Printable")).isEqualTo("Grüße aus Köln = ok");
        assertThat(bytes("a=ZZb=4", "quoted-printable")).isEqualTo("a=ZZb=4");
        assertThat(bytes("soft= \r\nbreak", "quoted-printable")).isEqualTo("softbreak");
    }

    @Test
    void identityEncodings() throws IOException {
        for (String e : new String[] {"7bit", "8bit", "binary", null, "x-unknown"}) {
            assertThat(stream("as is=41", e)).isEqualTo("as is=41");
            assertThat(bytes("as is=41", e)).isEqualTo("as is=41");
        }
        assertThat(TransferDecoding.isEncoded("base64")).isTrue();
        assertThat(TransferDecoding.isEncoded("7bit")).isFalse();
    }
}
