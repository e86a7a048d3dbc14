package dev.yubin.store.queue;

import dev.yubin.store.BlobId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A stored queue entry: what was enqueued ({@link NewQueueEntry} fields) and its delivery state.
 *
 * @param id the queue's id (what {@code yubin queue show ID} takes)
 * @param nextAttempt when it is due (for DEFERRED / INCOMING)
 * @param leaseUntil for ACTIVE: until when the claimer owns it; afterwards it may be claimed again
 * @param attempts finished attempts
 * @param lastError why the last attempt did not finish it, {@code ""} if none
 * @param delayWarned whether a delayed-delivery DSN was sent
 * @param authSubmitter RFC 4954 §5 {@code AUTH=} to pass on; empty for {@code AUTH=<>}
 */
public record QueueEntry(long id, String originId, String destination, BlobId blob, long size, String sender,
                         Optional<String> envelopeId, Optional<Ret> ret, NewQueueEntry.Utf8 utf8, BodyType body,
                         List<QueueRecipient> recipients, QueueState state, Instant created, Instant nextAttempt,
                         Instant leaseUntil, int attempts, String lastError, DelayWarning delayWarned,
                         Optional<String> authSubmitter) {

    /** An entry whose original submitter is not known. */
    public QueueEntry(long id, String originId, String destination, BlobId blob, long size, String sender,
                      Optional<String> envelopeId, Optional<Ret> ret, NewQueueEntry.Utf8 utf8, BodyType body,
                      List<QueueRecipient> recipients, QueueState state, Instant created, Instant nextAttempt,
                      Instant leaseUntil, int attempts, String lastError, DelayWarning delayWarned) {
        this(id, originId, destination, blob, size, sender, envelopeId, ret, utf8, body, recipients, state, created,
                nextAttempt, leaseUntil, attempts, lastError, delayWarned, Optional.empty());
    }

    /** Whether the delayed-delivery DSN (RFC 3464 action=delayed) went out. */
    public enum DelayWarning { NOT_SENT, SENT }

    public QueueEntry {
        recipients = List.copyOf(recipients);
        lastError = lastError == null ? "" : lastError;
    }

    public boolean isNullSender() {
        return sender.isEmpty();
    }

    /** The recipients still to deliver. */
    public List<QueueRecipient> pending() {
        return recipients.stream().filter(r -> r.state() == RecipientState.PENDING).toList();
    }
}
