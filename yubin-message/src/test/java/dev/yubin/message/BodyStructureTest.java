package dev.yubin.message;

import static dev.yubin.message.Messages.body;
import static dev.yubin.message.Messages.crlf;
import static dev.yubin.message.Messages.header;
import static dev.yubin.message.Messages.index;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** BODYSTRUCTURE data and part offsets (RFC 9051 §7.5.2, RFC 2046 §5.1). */
class BodyStructureTest {

    @Test
    void simpleTextMessage() {
        byte[] raw = crlf("From: a@example.com", "Subject: hi", "", "Hello", "world");
        IndexedMessage m = index(raw);
        BodyPart b = m.summary().body();
        assertThat(b.type()).isEqualTo("text");
        assertThat(b.subtype()).isEqualTo("plain");
        assertThat(b.params()).containsExactly(new Param("charset", "us-ascii"));
        assertThat(b.encoding()).isEqualTo("7bit");
        assertThat(b.size()).isEqualTo(14);
        assertThat(b.lines()).isEqualTo(2);
        assertThat(m.summary().headerLength()).isEqualTo("From: a@example.com\r\nSubject: hi\r\n\r\n".length());
        assertThat(b.headerStart()).isZero();
        assertThat(body(raw, b)).isEqualTo("Hello\r\nworld\r\n");
        assertThat(m.mimeDepth()).isZero();
        assertThat(m.tooDeep()).isFalse();
        assertThat(m.size()).isEqualTo(raw.length);
        assertThat(b.part("1")).containsSame(b);
        assertThat(b.part("2")).isEmpty();
        assertThat(b.part("1.1")).isEmpty();
    }

    @Test
    void alternative() {
        byte[] raw = crlf("From: a@example.com", "MIME-Version: 1.0",
                "Content-Type: multipart/alternative; boundary=\"b1\"", "",
                "preamble", "--b1", "Content-Type: text/plain; charset=utf-8", "", "plain text",
                "--b1", "Content-Type: text/html; charset=\"utf-8\"", "Content-Transfer-Encoding: quoted-printable",
                "", "<p>html</p>", "--b1--", "epilogue");
        IndexedMessage m = index(raw);
        BodyPart root = m.summary().body();
        assertThat(root.type()).isEqualTo("multipart");
        assertThat(root.subtype()).isEqualTo("alternative");
        assertThat(root.params()).containsExactly(new Param("boundary", "b1"));
        assertThat(root.children()).hasSize(2);
        BodyPart plain = root.children().get(0);
        BodyPart html = root.children().get(1);
        assertThat(plain.params()).containsExactly(new Param("charset", "utf-8"));
        assertThat(header(raw, plain)).isEqualTo("Content-Type: text/plain; charset=utf-8\r\n\r\n");
        assertThat(body(raw, plain)).isEqualTo("plain text");
        assertThat(plain.lines()).isEqualTo(1);
        assertThat(html.subtype()).isEqualTo("html");
        assertThat(html.encoding()).isEqualTo("quoted-printable");
        assertThat(body(raw, html)).isEqualTo("<p>html</p>");
        assertThat(m.mimeDepth()).isEqualTo(1);
        assertThat(root.part("2")).containsSame(html);
        assertThat(root.part("3")).isEmpty();
    }

    @Test
    void mixedWithAttachments() {
        byte[] raw = crlf("From: a@example.com", "Content-Type: multipart/mixed; boundary=outer", "",
                "--outer", "Content-Type: multipart/alternative; boundary=inner", "",
                "--inner", "", "text body", "--inner", "Content-Type: text/html", "", "<b>x</b>", "--inner--",
                "", "--outer",
                "Content-Type: application/pdf; name=\"a b.pdf\"",
                "Content-Disposition: attachment; filename=\"a b.pdf\"; size=6",
                "Content-Transfer-Encoding: base64", "Content-ID: <id1@x>", "Content-Description: the file",
                "Content-MD5: Q2hlY2sgSW50ZWdyaXR5IQ==", "Content-Language: en, de", "Content-Location: http://x/a.pdf",
                "", "SGVsbG8h", "--outer--");
        IndexedMessage m = index(raw);
        BodyPart root = m.summary().body();
        assertThat(root.children()).hasSize(2);
        BodyPart alt = root.children().get(0);
        assertThat(alt.subtype()).isEqualTo("alternative");
        assertThat(alt.children()).hasSize(2);
        BodyPart text = alt.children().get(0);
        assertThat(header(raw, text)).isEqualTo("\r\n");
        assertThat(body(raw, text)).isEqualTo("text body");
        assertThat(body(raw, alt.children().get(1))).isEqualTo("<b>x</b>");
        assertThat(body(raw, alt)).startsWith("--inner\r\n").endsWith("--inner--\r\n");
        BodyPart pdf = root.children().get(1);
        assertThat(pdf.type()).isEqualTo("application");
        assertThat(pdf.params()).containsExactly(new Param("name", "a b.pdf"));
        assertThat(pdf.disposition()).isEqualTo("attachment");
        assertThat(pdf.dispositionParams()).containsExactly(new Param("filename", "a b.pdf"), new Param("size", "6"));
        assertThat(pdf.encoding()).isEqualTo("base64");
        assertThat(pdf.id()).isEqualTo("<id1@x>");
        assertThat(pdf.description()).isEqualTo("the file");
        assertThat(pdf.md5()).isEqualTo("Q2hlY2sgSW50ZWdyaXR5IQ==");
        assertThat(pdf.language()).containsExactly("en", "de");
        assertThat(pdf.location()).isEqualTo("http://x/a.pdf");
        assertThat(pdf.lines()).isZero();
        assertThat(body(raw, pdf)).isEqualTo("SGVsbG8h");
        assertThat(m.mimeDepth()).isEqualTo(2);
        assertThat(root.part("1.2")).containsSame(alt.children().get(1));
        assertThat(root.part("2")).containsSame(pdf);
        assertThat(root.part("1.3")).isEmpty();
        assertThat(root.part("x")).isEmpty();
        assertThat(root.part("")).isEmpty();
        assertThat(new String(TransferDecoding.decode(raw, (int) pdf.bodyStart(), (int) pdf.size(), pdf.encoding())))
                .isEqualTo("Hello!");
    }

    @Test
    void nestedMessage() {
        byte[] raw = crlf("From: a@example.com", "Subject: outer", "Content-Type: multipart/mixed; boundary=X", "",
                "--X", "Content-Type: text/plain", "", "see attached", "--X", "Content-Type: message/rfc822", "",
                "From: Bob <bob@example.org>", "Subject: inner", "Content-Type: multipart/alternative; boundary=Y", "",
                "--Y", "", "inner text", "--Y", "Content-Type: text/html", "", "<i>inner</i>", "--Y--", "--X--");
        IndexedMessage m = index(raw);
        BodyPart root = m.summary().body();
        BodyPart msg = root.children().get(1);
        assertThat(msg.type()).isEqualTo("message");
        assertThat(msg.subtype()).isEqualTo("rfc822");
        assertThat(msg.isMessage()).isTrue();
        assertThat(msg.envelope().subject()).isEqualTo("inner");
        assertThat(msg.envelope().from()).containsExactly(new Address("Bob", null, "bob", "example.org"));
        assertThat(msg.lines()).isEqualTo(12);
        BodyPart inner = msg.message();
        assertThat(inner.subtype()).isEqualTo("alternative");
        assertThat(header(raw, inner)).startsWith("From: Bob").endsWith("boundary=Y\r\n\r\n");
        assertThat(body(raw, inner.children().get(1))).isEqualTo("<i>inner</i>");
        // BODY[2.1] and BODY[2.2] address the encapsulated message's parts
        assertThat(root.part("2.1")).containsSame(inner.children().get(0));
        assertThat(root.part("2.2")).containsSame(inner.children().get(1));
        assertThat(m.mimeDepth()).isEqualTo(3);
        assertThat(m.summary().envelope().subject()).isEqualTo("outer");
    }

    @Test
    void nestedMessageWithSinglePartBody() {
        byte[] raw = crlf("Content-Type: message/rfc822", "", "Subject: inner", "", "just text");
        BodyPart root = index(raw).summary().body();
        assertThat(root.message().type()).isEqualTo("text");
        assertThat(root.part("1")).containsSame(root);
        assertThat(root.part("1.1")).containsSame(root.message());
        assertThat(body(raw, root.message())).isEqualTo("just text\r\n");
    }

    @Test
    void digestDefaultsToMessageParts() {
        byte[] raw = crlf("Content-Type: multipart/digest; boundary=d", "", "--d", "", "Subject: one", "", "1",
                "--d", "", "Subject: two", "", "2", "--d--");
        BodyPart root = index(raw).summary().body();
        assertThat(root.children()).extracting(BodyPart::type).containsExactly("message", "message");
        assertThat(root.children().get(1).envelope().subject()).isEqualTo("two");
    }

    @Test
    void bareLfLineEndsAreTolerated() {
        byte[] raw = "Content-Type: multipart/mixed; boundary=z\n\n--z\n\nA\n--z\nContent-Type: text/html\n\nB\n--z--\n"
                .getBytes();
        BodyPart root = index(raw).summary().body();
        assertThat(root.children()).hasSize(2);
        assertThat(body(raw, root.children().get(0))).isEqualTo("A");
        assertThat(body(raw, root.children().get(1))).isEqualTo("B");
    }

    @Test
    void boundaryPrefixOfAnotherIsNotADelimiter() {
        byte[] raw = crlf("Content-Type: multipart/mixed; boundary=ab", "", "--ab",
                "Content-Type: multipart/mixed; boundary=abc", "", "--abc", "", "x", "--abc--", "--ab--");
        BodyPart root = index(raw).summary().body();
        assertThat(root.children()).hasSize(1);
        assertThat(root.children().get(0).children()).hasSize(1);
        assertThat(body(raw, root.children().get(0).children().get(0))).isEqualTo("x");
    }

    @Test
    void offsetsCountFromTheStartOfTheSlice() throws java.io.IOException {
        byte[] raw = crlf("Content-Type: multipart/mixed; boundary=z", "", "--z", "", "A", "--z--");
        byte[] padded = new byte[raw.length + 10];
        System.arraycopy(raw, 0, padded, 7, raw.length);
        MessageSummary inSlice = Messages.INDEXER.index(padded, 7, raw.length).summary();
        assertThat(inSlice).isEqualTo(index(raw).summary());
        assertThat(Messages.INDEXER.index(new java.io.ByteArrayInputStream(raw)).summary()).isEqualTo(inSlice);
    }

    @Test
    void paramsKeepOrderAndRfc2231FormAsWritten() {
        byte[] raw = crlf("Content-Type: text/plain; format=flowed; charset=\"iso-8859-1\"; name*=utf-8''%E2%82%AC.txt",
                "", "x");
        assertThat(index(raw).summary().body().params()).isEqualTo(List.of(new Param("format", "flowed"),
                new Param("charset", "iso-8859-1"), new Param("name*", "utf-8''%E2%82%AC.txt")));
    }
}
