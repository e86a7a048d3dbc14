package dev.yubin.smtp.server;

import java.util.List;

/** The SMTP envelope of one transaction (RFC 5321 §2.3.1): sender, its parameters, recipients. */
public record Envelope(ReversePath sender, MailParameters parameters, List<Recipient> recipients) {
    public Envelope {
        recipients = List.copyOf(recipients);
    }
}
