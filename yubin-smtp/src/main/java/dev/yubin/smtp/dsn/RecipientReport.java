package dev.yubin.smtp.dsn;

import java.time.Instant;
import java.util.Optional;

/**
 * The per-recipient fields of a delivery status notification (RFC 3464 §2.3).
 *
 * @param finalRecipient the address Yubin tried ({@code Final-Recipient: rfc822;...})
 * @param originalRecipient the ORCPT value {@code addr-type;address}, if given (RFC 3461 §4.2)
 * @param status RFC 3463 status code, e.g. {@code 5.1.1}
 * @param remoteMta the host that answered, if any
 * @param diagnostic the SMTP reply that explains it ({@code Diagnostic-Code: smtp; ...}), if any
 * @param willRetryUntil for {@link Action#DELAYED}: when the queue gives up
 */
public record RecipientReport(String finalRecipient, Optional<String> originalRecipient, Action action, String status,
                              Optional<String> remoteMta, Optional<String> diagnostic, Instant lastAttempt,
                              Optional<Instant> willRetryUntil) {
    public RecipientReport {
        if (!status.matches("[245]\\.\\d{1,3}\\.\\d{1,3}")) {
            throw new IllegalArgumentException("bad status " + status);
        }
    }
}
