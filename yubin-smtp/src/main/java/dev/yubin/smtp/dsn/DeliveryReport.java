package dev.yubin.smtp.dsn;

import dev.yubin.store.queue.Ret;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Everything one DSN says (RFC 3464): to whom, about which message, and per recipient what
 * happened. All recipients of one report share one action kind (failed / delayed / success) so
 * the subject line is right.
 *
 * @param reportingMta this host's name ({@code Reporting-MTA: dns;...})
 * @param sender the envelope sender of the original message: the report goes to it
 * @param envelopeId the original ENVID (RFC 3461 §4.4)
 * @param ret RFC 3461 §4.3: FULL returns the whole message on failure, otherwise the headers
 */
public record DeliveryReport(String reportingMta, String sender, Optional<String> envelopeId, Optional<Ret> ret,
                             Instant arrivalDate, List<RecipientReport> recipients) {
    public DeliveryReport {
        recipients = List.copyOf(recipients);
        if (recipients.isEmpty()) {
            throw new IllegalArgumentException("a report needs recipients");
        }
        if (sender == null || sender.isEmpty()) {
            throw new IllegalArgumentException("never report to the null sender"); // RFC 3461 §6.2, RFC 5321 §6.1
        }
    }

    /** The action that names the report (failed wins over delayed, delayed over success). */
    public Action mainAction() {
        return recipients.stream().map(RecipientReport::action).min(Enum::compareTo).orElseThrow();
    }
}
