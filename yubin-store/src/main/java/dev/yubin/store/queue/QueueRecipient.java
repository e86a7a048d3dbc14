package dev.yubin.store.queue;

import java.util.Optional;
import java.util.Set;

/**
 * One recipient of a queue entry.
 *
 * @param index position in the entry, from 0
 * @param address the forward path as sent in {@code RCPT TO} (no angle brackets)
 * @param originalRecipient RFC 3461 ORCPT as {@code addr-type;address} (decoded), if given
 * @param notifyOn RFC 3461 NOTIFY values; empty when not given
 * @param state where it stands
 * @param lastReply the last reply (or local reason) for it, {@code ""} if none
 */
public record QueueRecipient(int index, String address, Optional<String> originalRecipient, Set<Notify> notifyOn,
                             RecipientState state, String lastReply) {
    public QueueRecipient {
        if (index < 0) {
            throw new IllegalArgumentException("negative index");
        }
        if (address == null || address.isBlank()) {
            throw new IllegalArgumentException("empty recipient address");
        }
        notifyOn = Set.copyOf(notifyOn);
        if (notifyOn.contains(Notify.NEVER) && notifyOn.size() > 1) {
            throw new IllegalArgumentException("NOTIFY=NEVER cannot be combined"); // RFC 3461 §4.1
        }
        lastReply = lastReply == null ? "" : lastReply;
    }

    /** A new pending recipient. */
    public static QueueRecipient pending(int index, String address, Optional<String> orcpt, Set<Notify> notify) {
        return new QueueRecipient(index, address, orcpt, notify, RecipientState.PENDING, "");
    }

    /** The same recipient in another state with another last reply. */
    public QueueRecipient with(RecipientState newState, String reply) {
        return new QueueRecipient(index, address, originalRecipient, notifyOn, newState, reply);
    }
}
