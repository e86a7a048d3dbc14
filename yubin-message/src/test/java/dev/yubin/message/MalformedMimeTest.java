package dev.yubin.message;

import static dev.yubin.message.Messages.text;
import static dev.yubin.message.Messages.body;
import static dev.yubin.message.Messages.crlf;
import static dev.yubin.message.Messages.index;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Hostile and broken input: never an exception, always a valid tree, bounded work. */
class MalformedMimeTest {

    @Test
    void missingClosingBoundary() {
        byte[] raw = crlf("Content-Type: multipart/mixed; boundary=q", "", "--q", "", "one", "--q",
                "Content-Type: text/html", "", "two", "no end");
        BodyPart root = index(raw).summary().body();
        assertThat(root.children()).hasSize(2);
        assertThat(body(raw, root.children().get(1))).isEqualTo("two\r\nno end\r\n");
    }

    @Test
    void boundaryNeverAppears() {
        byte[] raw = crlf("Content-Type: multipart/mixed; boundary=q", "", "just text", "more");
        BodyPart root = index(raw).summary().body();
        assertThat(root.type()).isEqualTo("multipart");
        assertThat(root.children()).hasSize(1);
        BodyPart only = root.children().get(0);
        assertThat(only.type()).isEqualTo("text");
        assertThat(only.headerStart()).isEqualTo(only.bodyStart());
        assertThat(body(raw, only)).isEqualTo("just text\r\nmore\r\n");
    }

    @Test
    void multipartWithoutBoundaryParameterIsText() {
        BodyPart root = index(crlf("Content-Type: multipart/mixed", "", "x")).summary().body();
        assertThat(root.type()).isEqualTo("text");
        assertThat(root.children()).isEmpty();
    }

    @Test
    void invalidContentTypeDefaultsToTextPlain() {
        BodyPart root = index(crlf("Content-Type: garbage", "", "x")).summary().body();
        assertThat(root.type()).isEqualTo("text");
        assertThat(root.params()).containsExactly(new Param("charset", "us-ascii"));
    }

    @Test
    void badBase64StillDecodes() {
        byte[] raw = crlf("Content-Type: text/plain", "Content-Transfer-Encoding: base64", "", "SGVs!!bG8g\u0001d29y",
                "bGQ=", "garbage after padding");
        assertThat(text(raw).all()).contains("Hello world");
    }

    @Test
    void partHeaderCutOffByBoundary() {
        byte[] raw = crlf("Content-Type: multipart/mixed; boundary=q", "", "--q", "Content-Type: text/plain", "--q",
                "", "second", "--q--");
        BodyPart root = index(raw).summary().body();
        assertThat(root.children()).hasSize(2);
        assertThat(root.children().get(0).size()).isZero();
        assertThat(body(raw, root.children().get(1))).isEqualTo("second");
    }

    @Test
    void deepNestingStopsAtTheLimitWithoutStackOverflow() {
        int depth = 5000;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes("Subject: deep\r\n".getBytes());
        for (int i = 0; i < depth; i++) {
            out.writeBytes(("Content-Type: multipart/mixed; boundary=b" + i + "\r\n\r\n--b" + i + "\r\n").getBytes());
        }
        out.writeBytes("Content-Type: text/plain\r\n\r\ninnermost\r\n".getBytes());
        for (int i = depth - 1; i >= 0; i--) {
            out.writeBytes(("--b" + i + "--\r\n").getBytes());
        }
        byte[] raw = out.toByteArray();
        IndexedMessage m = index(raw);
        assertThat(m.tooDeep()).isTrue();
        assertThat(m.mimeDepth()).isEqualTo(MessageLimits.DEFAULT_MAX_MIME_DEPTH + 1);
        assertThat(m.summary().toJson().length()).isLessThan(200_000);
        BodyPart p = m.summary().body();
        int levels = 0;
        while (p.isMultipart()) {
            p = p.children().get(0);
            levels++;
        }
        assertThat(levels).isEqualTo(MessageLimits.DEFAULT_MAX_MIME_DEPTH);
        assertThat(p.type()).isEqualTo("application");
        assertThat(MessageSummary.fromJson(m.summary().toJson())).isEqualTo(m.summary());
    }

    @Test
    void deepestAllowedLimitStillRoundTrips() {
        MessageIndexer deepest = new MessageIndexer(new MessageLimits(MessageLimits.MAX_MIME_DEPTH, 1 << 20, 1024));
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < 1200; i++) {
            s.append(i % 2 == 0 ? "Content-Type: message/rfc822\r\n\r\n"
                    : "Content-Type: multipart/mixed; boundary=b" + i + "\r\n\r\n--b" + i + "\r\n");
        }
        byte[] raw = s.toString().getBytes(StandardCharsets.US_ASCII);
        IndexedMessage m = deepest.index(raw, 0, raw.length);
        assertThat(m.tooDeep()).isTrue();
        assertThat(MessageSummary.fromJson(m.summary().toJson())).isEqualTo(m.summary());
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new MessageLimits(1001, 1, 1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void deepMessageRfc822Nesting() {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < 300; i++) {
            s.append("Subject: level ").append(i).append("\r\nContent-Type: message/rfc822\r\n\r\n");
        }
        s.append("Subject: bottom\r\n\r\nbody\r\n");
        IndexedMessage m = index(s.toString().getBytes());
        assertThat(m.tooDeep()).isTrue();
        assertThat(new MessageIndexer(new MessageLimits(400, 1 << 20, 1024)).index(s.toString().getBytes(), 0,
                s.length()).tooDeep()).isFalse();
    }

    @Test
    void hugeHeaderLineIsBounded() {
        String big = "x".repeat(2_000_000);
        byte[] raw = ("Subject: " + big + "\r\nX-Big: " + big + "\r\nFrom: late@x\r\n\r\nbody\r\n")
                .getBytes(StandardCharsets.US_ASCII);
        IndexedMessage m = new MessageIndexer(new MessageLimits(100, 1 << 20, 1024)).index(raw, 0, raw.length);
        assertThat(m.summary().envelope().subject()).hasSize(HeaderSection.MAX_VALUE_CHARS);
        assertThat(m.summary().header("from")).isEmpty(); // starts after maxHeaderBytes
        assertThat(m.summary().body().bodyStart()).isEqualTo(raw.length - 6);
        assertThat(new MessageIndexer(new MessageLimits(100, 1 << 20, 1024)).text(raw, 0, raw.length).all().length())
                .isLessThanOrEqualTo(1024 + 1 + 1024);
    }

    @Test
    void headerWithoutEndAndBinaryJunk() {
        byte[] junk = new byte[100_000];
        new Random(7).nextBytes(junk);
        IndexedMessage m = index(junk);
        assertThat(m.size()).isEqualTo(junk.length);
        byte[] noBlank = "Subject: x\r\nFrom: y@z".getBytes();
        IndexedMessage h = index(noBlank);
        assertThat(h.summary().headerLength()).isEqualTo(noBlank.length);
        assertThat(h.summary().body().size()).isZero();
    }

    @Test
    void nulAndControlCharactersNeverReachTheIndexes() {
        byte[] raw = "Subject: a\u0000b\r\n\r\nbody\u0000with\u0001nul\r\n".getBytes(StandardCharsets.ISO_8859_1);
        IndexedMessage m = index(raw);
        assertThat(m.summary().envelope().subject()).isEqualTo("ab");
        assertThat(text(raw).all()).doesNotContain("\u0000").doesNotContain("\u0001").contains("body with nul");
    }

    @Test
    void partCountIsBounded() {
        StringBuilder s = new StringBuilder("Content-Type: multipart/mixed; boundary=p\r\n\r\n");
        for (int i = 0; i < 50; i++) {
            s.append("--p\r\n\r\npart ").append(i).append("\r\n");
        }
        s.append("--p--\r\n");
        MessageIndexer small = new MessageIndexer(new MessageLimits(10, 1 << 20, 1 << 16, 20));
        IndexedMessage m = small.index(s.toString().getBytes(), 0, s.length());
        assertThat(m.summary().body().children()).hasSize(19);
        Messages.checkInvariants(m.summary().body(), 0, s.length());
    }
}
