package dev.yubin.message;

import java.util.Objects;

/**
 * Everything learned from one pass over a message.
 *
 * @param summary what IMAP FETCH needs (ENVELOPE, BODYSTRUCTURE, part offsets, cached headers)
 * @param mimeDepth deepest multipart / message/rfc822 nesting (0 for a single-part message); at most
 *     {@code maxMimeDepth + 1}, as parsing stops descending there
 * @param tooDeep {@code mimeDepth > maxMimeDepth}
 * @param receivedCount number of top-level Received: fields (mail loop detection, RFC 5321 §6.3)
 * @param size octets of the whole message
 */
public record IndexedMessage(MessageSummary summary, int mimeDepth, boolean tooDeep,
                             int receivedCount, long size) {
    public IndexedMessage {
        Objects.requireNonNull(summary, "summary");
    }
}
