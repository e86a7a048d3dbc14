package dev.yubin.smtp.client;

import dev.yubin.store.queue.BodyType;
import dev.yubin.store.queue.Notify;
import dev.yubin.store.queue.Ret;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What the client sends in MAIL and RCPT for one message.
 *
 * @param sender reverse path without brackets, {@code ""} for {@code <>}
 * @param needsSmtpUtf8 whether the message or its addresses need SMTPUTF8 (RFC 6531)
 * @param authSubmitter RFC 4954 §5: the original submitter for {@code AUTH=}, empty for {@code AUTH=<>}
 */
public record ClientEnvelope(String sender, List<Rcpt> recipients, Optional<String> envelopeId, Optional<Ret> ret,
                             Utf8 needsSmtpUtf8, BodyType body, Optional<String> authSubmitter) {

    /** An envelope whose original submitter is not known. */
    public ClientEnvelope(String sender, List<Rcpt> recipients, Optional<String> envelopeId, Optional<Ret> ret,
                          Utf8 needsSmtpUtf8, BodyType body) {
        this(sender, recipients, envelopeId, ret, needsSmtpUtf8, body, Optional.empty());
    }

    /** Whether the message needs the SMTPUTF8 extension. */
    public enum Utf8 { NOT_NEEDED, NEEDED }

    /** One RCPT TO with its RFC 3461 parameters. */
    public record Rcpt(String address, Set<Notify> notifyOn, Optional<String> originalRecipient) {
        public Rcpt {
            notifyOn = Set.copyOf(notifyOn);
        }
    }

    public ClientEnvelope {
        recipients = List.copyOf(recipients);
        if (recipients.isEmpty()) {
            throw new IllegalArgumentException("no recipients");
        }
    }

    /** True if the message is marked as needing SMTPUTF8 or an address has a non-ASCII character. */
    public boolean requiresSmtpUtf8() {
        return needsSmtpUtf8 == Utf8.NEEDED || !isAscii(sender)
                || recipients.stream().anyMatch(r -> !isAscii(r.address()));
    }

    private static boolean isAscii(String s) {
        return s.chars().allMatch(c -> c < 0x80);
    }
}
