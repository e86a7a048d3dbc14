package dev.yubin.message;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Parses a whole RFC 5322 message once and returns everything the servers need of it. Thread-safe
 * and stateless apart from its limits; never throws for malformed MIME (best effort, like Dovecot).
 */
public final class MessageIndexer {

    private final MessageLimits limits;

    public MessageIndexer(MessageLimits limits) {
        this.limits = Objects.requireNonNull(limits, "limits");
    }

    /** Reads the stream to its end and indexes it; only the stream's IOException escapes. */
    public IndexedMessage index(InputStream rfc822) throws IOException {
        byte[] all = rfc822.readAllBytes();
        return index(all, 0, all.length);
    }

    /** Indexes {@code len} octets of {@code rfc822} from {@code off}; offsets in the result start at 0. */
    public IndexedMessage index(byte[] rfc822, int off, int len) {
        Objects.checkFromIndexSize(off, len, rfc822.length);
        // provisional: header only, single text part (replaced by the MIME walker)
        int end = off + len;
        int p = off;
        Map<String, String> headers = new HashMap<>();
        int bodyStart = end;
        while (p < end) {
            int eol = p;
            while (eol < end && rfc822[eol] != '\n') {
                eol++;
            }
            int next = Math.min(eol + 1, end);
            if (eol == p || (eol == p + 1 && rfc822[p] == '\r')) {
                bodyStart = next;
                break;
            }
            p = next;
        }
        BodyPart root = new BodyPart("text", "plain", List.of(new Param("charset", "us-ascii")), null, null,
                "7bit", end - bodyStart, 0, null, null, List.of(), List.of(), null, List.of(), null, null,
                0, bodyStart - off, len);
        MessageSummary s = new MessageSummary(bodyStart - off, headers, root, null);
        return new IndexedMessage(s, "", 0, false, 0, len);
    }

    public MessageLimits limits() {
        return limits;
    }
}
