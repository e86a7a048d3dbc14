package dev.yubin.smtp.server;

import java.io.IOException;
import java.util.Optional;

/**
 * A check on inbound mail (SPF, DKIM, DMARC, spam and virus scanning plug in here).
 *
 * <p>{@link #check} runs after the whole message is received and spooled, before it is
 * delivered; filters run in list order and the first non-Accept verdict wins (the headers of
 * earlier Accepts are kept for a Quarantine). The optional envelope hooks run at MAIL and RCPT
 * time (e.g. an SPF check of the sender, greylisting) and may refuse with their own reply. A
 * filter that throws is treated as a temporary failure ({@code 451 4.3.0}): never lose mail
 * because a checker is down.
 */
public interface InboundFilter {

    /** At MAIL FROM, after syntax and policy checks passed. Empty to go on. */
    default Optional<SmtpReply> checkSender(ClientInfo client, ReversePath sender, MailParameters parameters) {
        return Optional.empty();
    }

    /** At RCPT TO, after the recipient resolved. Empty to go on. */
    default Optional<SmtpReply> checkRecipient(ClientInfo client, ReversePath sender, Recipient recipient) {
        return Optional.empty();
    }

    /** After the data is received, before delivery. */
    FilterVerdict check(FilterContext context) throws IOException;
}
