package dev.yubin.store;

import java.time.Instant;

/**
 * A message about to enter mailboxes: its durable body and what was learned parsing it once.
 *
 * @param blob the body, already durable in the {@link BlobStore}
 * @param size octets of the body as stored (RFC822.SIZE)
 * @param internalDate IMAP INTERNALDATE (arrival time), second precision is kept
 * @param summary cached parse of headers and MIME structure, opaque to the store (yubin-message
 *     writes and reads it) so FETCH ENVELOPE/BODYSTRUCTURE never re-parse the body
 */
public record NewMessage(BlobId blob, long size, Instant internalDate, String summary) {
    public NewMessage {
        if (size < 0) {
            throw new IllegalArgumentException("negative size");
        }
        summary = summary == null ? "" : summary;
    }
}
