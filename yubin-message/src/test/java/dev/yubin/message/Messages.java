package dev.yubin.message;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

/** Test helpers: CRLF messages from lines, slicing by offsets, structural invariants. */
final class Messages {

    static final MessageIndexer INDEXER = new MessageIndexer(MessageLimits.defaults());

    private Messages() {
    }

    /** Joins lines with CRLF (and ends with CRLF). */
    static byte[] crlf(String... lines) {
        return (String.join("\r\n", lines) + "\r\n").getBytes(StandardCharsets.UTF_8);
    }

    static MessageText text(byte[] raw) {
        return INDEXER.text(raw, 0, raw.length);
    }

    static IndexedMessage index(byte[] raw) {
        IndexedMessage m = INDEXER.index(raw, 0, raw.length);
        checkInvariants(m.summary().body(), 0, raw.length);
        return m;
    }

    static String slice(byte[] raw, long from, long to) {
        return new String(raw, (int) from, (int) (to - from), StandardCharsets.UTF_8);
    }

    static String header(byte[] raw, BodyPart p) {
        return slice(raw, p.headerStart(), p.bodyStart());
    }

    static String body(byte[] raw, BodyPart p) {
        return slice(raw, p.bodyStart(), p.end());
    }

    /** Every part lies inside its parent's body and the sizes agree with the offsets. */
    static void checkInvariants(BodyPart p, long from, long to) {
        assertThat(p.headerStart()).as("headerStart of %s", p).isBetween(from, to);
        assertThat(p.end()).as("end of %s", p).isBetween(p.bodyStart(), to);
        assertThat(p.size()).isEqualTo(p.end() - p.bodyStart());
        if (p.type().equals("multipart")) {
            assertThat(p.children()).isNotEmpty();
        }
        long last = p.bodyStart();
        for (BodyPart c : p.children()) {
            assertThat(c.headerStart()).as("start of %s after sibling", c).isGreaterThanOrEqualTo(last);
            checkInvariants(c, p.bodyStart(), p.end());
            last = c.end();
        }
        if (p.message() != null) {
            assertThat(p.envelope()).isNotNull();
            assertThat(p.message().headerStart()).as("message start of %s", p).isEqualTo(p.bodyStart());
            checkInvariants(p.message(), p.bodyStart(), p.end());
        }
    }
}
