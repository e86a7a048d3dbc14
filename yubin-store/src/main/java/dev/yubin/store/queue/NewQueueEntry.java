package dev.yubin.store.queue;

import dev.yubin.store.BlobId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A message to enqueue for one destination.
 *
 * @param originId the id the message got when accepted (shown in logs and {@code yubin queue})
 * @param destination lower-case A-label domain of every recipient, or an IP literal {@code [1.2.3.4]}
 * @param blob the body, already durable; the entry holds it until finished
 * @param size octets of the body
 * @param sender the reverse path without brackets; {@code ""} for the null sender {@code <>}
 * @param envelopeId RFC 3461 ENVID (decoded)
 * @param ret RFC 3461 RET
 * @param utf8 whether the message needs SMTPUTF8 (RFC 6531)
 * @param body RFC 6152 BODY
 * @param recipients at least one, all {@link RecipientState#PENDING}, indexes 0..n-1
 * @param created arrival time (the lifetime counts from it)
 * @param authSubmitter RFC 4954 §5: the original submitter to pass on as {@code AUTH=} (an
 *     authenticated user's address); empty when not known ({@code AUTH=<>})
 */
public record NewQueueEntry(String originId, String destination, BlobId blob, long size, String sender,
                            Optional<String> envelopeId, Optional<Ret> ret, Utf8 utf8, BodyType body,
                            List<QueueRecipient> recipients, Instant created, Optional<String> authSubmitter) {

    /** An entry whose original submitter is not known. */
    public NewQueueEntry(String originId, String destination, BlobId blob, long size, String sender,
                         Optional<String> envelopeId, Optional<Ret> ret, Utf8 utf8, BodyType body,
                         List<QueueRecipient> recipients, Instant created) {
        this(originId, destination, blob, size, sender, envelopeId, ret, utf8, body, recipients, created,
                Optional.empty());
    }

    /** Whether the message needs SMTPUTF8. */
    public enum Utf8 { NOT_NEEDED, NEEDED }

    public NewQueueEntry {
        recipients = List.copyOf(recipients);
        if (recipients.isEmpty()) {
            throw new IllegalArgumentException("no recipients");
        }
        for (int i = 0; i < recipients.size(); i++) {
            if (recipients.get(i).index() != i || recipients.get(i).state() != RecipientState.PENDING) {
                throw new IllegalArgumentException("recipients must be pending and indexed 0..n-1");
            }
        }
        if (size < 0) {
            throw new IllegalArgumentException("negative size");
        }
        if (destination == null || destination.isBlank()) {
            throw new IllegalArgumentException("empty destination");
        }
        sender = sender == null ? "" : sender;
    }

    /** True for the null reverse path: a bounce, never itself bounced (RFC 5321 §6.1). */
    public boolean isNullSender() {
        return sender.isEmpty();
    }
}
