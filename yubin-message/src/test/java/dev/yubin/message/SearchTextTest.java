package dev.yubin.message;

import static dev.yubin.message.Messages.text;
import static dev.yubin.message.Messages.index;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** Decoded text for full-text search: RFC 2047 headers, transfer encodings, charsets, HTML, bounds. */
class SearchTextTest {

    private static byte[] message(String headers, byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(headers.getBytes(StandardCharsets.US_ASCII));
        out.writeBytes("\r\n".getBytes());
        out.writeBytes(body);
        return out.toByteArray();
    }

    @Test
    void headersAreDecoded() {
        byte[] raw = message("Subject: =?UTF-8?B?8J+YgCBzbWlsZQ==?=\r\nFrom: =?iso-8859-1?q?J=FCrgen?= <j@x>\r\n",
                "hi\r\n".getBytes());
        String text = text(raw).all();
        assertThat(text).contains("\uD83D\uDE00 smile").contains("Jürgen <j@x>").contains("hi");
    }

    @Test
    void quotedPrintableLatin1() {
        byte[] raw = message("Content-Type: text/plain; charset=ISO-8859-1\r\nContent-Transfer-Encoding: quoted-printable\r\n",
                "Caf=E9 cr=\r\n=E8me =3D ok\r\n".getBytes());
        assertThat(text(raw).all()).contains("Café crème = ok");
    }

    @Test
    void base64Utf8() {
        String b64 = Base64.getMimeEncoder().encodeToString("Grüße aus Köln 東京".getBytes(StandardCharsets.UTF_8));
        byte[] raw = message("Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: base64\r\n",
                (b64 + "\r\n").getBytes());
        assertThat(text(raw).all()).contains("Grüße aus Köln 東京");
    }

    @Test
    void rawLatin1AndUnknownCharset() {
        byte[] raw = message("Content-Type: text/plain; charset=iso-8859-1\r\n",
                "na\u00efve\r\n".getBytes(StandardCharsets.ISO_8859_1));
        assertThat(text(raw).all()).contains("naïve");
        byte[] unknown = message("Content-Type: text/plain; charset=x-no-such\r\n",
                "ok ünïcode\r\n".getBytes(StandardCharsets.UTF_8));
        assertThat(text(unknown).all()).contains("ok ünïcode");
        byte[] mislabelled = message("Content-Type: text/plain; charset=us-ascii\r\n",
                "caf\u00e9\r\n".getBytes(StandardCharsets.ISO_8859_1));
        assertThat(text(mislabelled).all()).contains("café");
    }

    @Test
    void htmlTagsScriptsAndEntitiesAreStripped() {
        byte[] raw = message("Content-Type: text/html; charset=utf-8\r\n",
                ("<html><head><style>p{color:red}</style><script>var x='<b>';</script></head>"
                        + "<body><p>Fish &amp; chips</p><!-- hidden --><b>&#233;t&eacute;</b></body></html>\r\n")
                        .getBytes());
        String text = text(raw).all();
        assertThat(text).contains("Fish & chips").doesNotContain("color").doesNotContain("var x")
                .doesNotContain("hidden").doesNotContain("<p>").contains("ét&eacute;");
    }

    @Test
    void attachmentsContributeOnlyTheirNames() {
        byte[] raw = Messages.crlf("Content-Type: multipart/mixed; boundary=b", "", "--b", "", "visible",
                "--b", "Content-Type: application/octet-stream; name=\"report.pdf\"",
                "Content-Transfer-Encoding: base64", "", "aW52aXNpYmxl", "--b--");
        String text = text(raw).all();
        assertThat(text).contains("visible").contains("report.pdf").doesNotContain("invisible");
    }

    @Test
    void attachmentNamesInEveryEncoding() {
        byte[] raw = Messages.crlf("Content-Type: multipart/mixed; boundary=b", "", "--b",
                "Content-Type: application/pdf", "Content-Disposition: attachment; filename*=utf-8''%E2%82%AC%20rates.pdf",
                "", "x", "--b", "Content-Type: application/pdf",
                "Content-Disposition: attachment; filename*0*=iso-8859-1''caf%E9; filename*1=\"_menu.pdf\"", "", "x",
                "--b", "Content-Type: application/pdf; name=\"=?utf-8?q?na=C3=AFve.pdf?=\"", "", "x", "--b--");
        assertThat(text(raw).all()).contains("€ rates.pdf").contains("café_menu.pdf").contains("naïve.pdf");
    }

    @Test
    void boundedByMaxSearchTextBytes() {
        byte[] raw = message("Subject: s\r\n", "é".repeat(100_000).getBytes(StandardCharsets.UTF_8));
        MessageIndexer indexer = new MessageIndexer(new MessageLimits(10, 1 << 20, 1000));
        MessageText text = indexer.text(raw, 0, raw.length);
        assertThat(text.body().getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(1000);
        assertThat(text.headers()).isEqualTo("s");
        assertThat(text.body()).contains("éééé");
        MessageIndexer none = new MessageIndexer(new MessageLimits(10, 1 << 20, 0));
        assertThat(none.text(raw, 0, raw.length).all()).isEmpty();
    }
}
