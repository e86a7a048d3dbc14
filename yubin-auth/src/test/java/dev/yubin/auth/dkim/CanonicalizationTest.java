package dev.yubin.auth.dkim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.yubin.auth.RawMessage;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** RFC 6376 §3.4.5 examples, and the empty-body rules. */
class CanonicalizationTest {

    static final String MESSAGE = "A: X\r\nB : Y\t\r\n\tZ  \r\n\r\n C \r\nD \t E\r\n\r\n\r\n";

    @Test
    void rfc6376Section345() {
        RawMessage m = RawMessage.parse(MESSAGE.getBytes(StandardCharsets.US_ASCII));
        StringBuilder relaxed = new StringBuilder();
        StringBuilder simple = new StringBuilder();
        m.headers().forEach(h -> {
            relaxed.append(Canonicalization.RELAXED.header(h));
            simple.append(Canonicalization.SIMPLE.header(h));
        });
        assertThat(relaxed.toString()).isEqualTo("a:X\r\nb:Y Z\r\n");
        assertThat(simple.toString()).isEqualTo("A: X\r\nB : Y\t\r\n\tZ  \r\n");
        assertThat(text(Canonicalization.RELAXED.body(m.body()))).isEqualTo(" C\r\nD E\r\n");
        assertThat(text(Canonicalization.SIMPLE.body(m.body()))).isEqualTo(" C \r\nD \t E\r\n");
    }

    @Test
    void emptyAndUnterminatedBodies() {
        assertThat(text(Canonicalization.SIMPLE.body(new byte[0]))).isEqualTo("\r\n");
        assertThat(text(Canonicalization.RELAXED.body(new byte[0]))).isEmpty();
        assertThat(text(Canonicalization.RELAXED.body(bytes("\r\n \t\r\n\r\n")))).isEmpty();
        assertThat(text(Canonicalization.RELAXED.body(bytes("abc")))).isEqualTo("abc\r\n");
        assertThat(text(Canonicalization.SIMPLE.body(bytes("abc")))).isEqualTo("abc\r\n");
        assertThat(text(Canonicalization.RELAXED.body(bytes("\r\n\r\nx \r\n\r\n")))).isEqualTo("\r\n\r\nx\r\n");
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    private static String text(byte[] b) {
        return new String(b, StandardCharsets.US_ASCII);
    }

    @org.junit.jupiter.api.Test
    void appendHeaderEqualsHeaderOnAwkwardFields() {
        java.util.SplittableRandom random = new java.util.SplittableRandom(6376);
        String alphabet = " \t\r\nab:;=\u00e9X";
        for (int n = 0; n < 2000; n++) {
            StringBuilder raw = new StringBuilder(random.nextBoolean() ? "Subject:" : "X-Mixed-Case :");
            int len = random.nextInt(30);
            for (int i = 0; i < len; i++) {
                raw.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            raw.append("\r\n");
            String name = raw.substring(0, raw.indexOf(":")).strip();
            dev.yubin.auth.HeaderField f = new dev.yubin.auth.HeaderField(name, raw.toString());
            for (Canonicalization c : Canonicalization.values()) {
                StringBuilder sb = new StringBuilder();
                c.appendHeader(f, sb);
                org.assertj.core.api.Assertions.assertThat(sb.toString()).as(raw.toString()).isEqualTo(c.header(f));
            }
        }
    }

    /** RFC 6376 §3.4.4 the slow way, line by line, as a reference. */
    private static String relaxedReference(String body) {
        String[] lines = body.split("\r\n", -1);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < lines.length; i++) {
            if (i == lines.length - 1 && lines[i].isEmpty()) {
                break; // the text after the last CRLF
            }
            sb.append(lines[i].replaceAll("[ \t]+", " ").replaceAll(" \\z", "")).append("\r\n");
        }
        String s = sb.toString();
        while (s.endsWith("\r\n\r\n")) {
            s = s.substring(0, s.length() - 2);
        }
        return s.equals("\r\n") ? "" : s;
    }

    @org.junit.jupiter.api.Test
    void relaxedBodyMatchesALineByLineReference() {
        java.util.SplittableRandom random = new java.util.SplittableRandom(6376);
        String[] pieces = {" ", "\t", "\r\n", "a", "b c", "\r", "\n", "  \r\n", "x\t\r\n"};
        for (int n = 0; n < 3000; n++) {
            StringBuilder body = new StringBuilder();
            int len = random.nextInt(12);
            for (int i = 0; i < len; i++) {
                body.append(pieces[random.nextInt(pieces.length)]);
            }
            String b = body.toString();
            byte[] got = Canonicalization.RELAXED.body(b.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
            org.assertj.core.api.Assertions.assertThat(new String(got, java.nio.charset.StandardCharsets.ISO_8859_1))
                    .as(b.replace("\r", "\\r").replace("\n", "\\n")).isEqualTo(relaxedReference(b));
        }
    }
}
