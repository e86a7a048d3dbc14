package dev.yubin.store.queue;

import java.time.Instant;
import java.util.Optional;

/**
 * One recipient's part of a delivery status notification that the queue owes the sender (RFC 3464
 * §2.3), kept with the attempt's outcome until the message's report goes out. The queue collects
 * the parts of every entry of one message (all its destination domains) and sends them as one
 * DSN when no recipient of the message is pending any more, or at once with a delay warning.
 *
 * @param recipient the address tried ({@code Final-Recipient})
 * @param originalRecipient RFC 3461 ORCPT as {@code addr-type;address}, if given
 * @param kind what happened (RFC 3464 §2.3.3 Action)
 * @param status RFC 3463 status code, e.g. {@code 5.1.1}
 * @param remoteMta the host that answered, if any
 * @param diagnostic the reply or reason, if any
 * @param lastAttempt when it was decided
 * @param retryUntil for {@link Kind#DELAYED}: when the queue gives up
 */
public record QueueReport(String recipient, Optional<String> originalRecipient, Kind kind, String status,
                          Optional<String> remoteMta, Optional<String> diagnostic, Instant lastAttempt,
                          Optional<Instant> retryUntil) {

    /** RFC 3464 §2.3.3 Action values the queue reports. */
    public enum Kind { FAILED, DELAYED, DELIVERED, RELAYED }

    public QueueReport {
        if (recipient == null || recipient.isBlank()) {
            throw new IllegalArgumentException("empty recipient");
        }
        if (status == null || !status.matches("[245]\\.\\d{1,3}\\.\\d{1,3}")) {
            throw new IllegalArgumentException("bad status " + status);
        }
    }
}
