package dev.yubin.smtp.server;

import dev.yubin.core.EmailAddress;
import dev.yubin.store.BlobId;
import java.io.IOException;
import java.util.List;

/**
 * Where mail for outside addresses goes: alias targets outside Yubin, and (issue 5) relaying for
 * authenticated clients. The outbound queue implements it. Without one, the server refuses such
 * recipients at RCPT time with {@link SmtpReply#FORWARDING_UNAVAILABLE}.
 */
public interface OutboundRouter {

    /**
     * Durably queues the message for the given recipients; returns only after the queue entry is
     * committed (the client's 250 follows). The blob is already committed and must not be deleted
     * by the router's caller afterwards.
     */
    void enqueue(OutboundMessage message) throws IOException;

    /** One message for the outbound queue. */
    record OutboundMessage(String queueId, ReversePath sender, MailParameters parameters,
                           List<OutboundRecipient> recipients, BlobId blob, long size, Origin origin) {
        public OutboundMessage {
            recipients = List.copyOf(recipients);
        }
    }

    /**
     * Who handed the message over. Only mail from an authenticated user is DKIM-signed with our
     * keys; an unauthenticated MX client's forged From must never gain our signature.
     */
    enum Origin { AUTHENTICATED_USER, UNAUTHENTICATED_CLIENT }

    /**
     * One outside recipient, with the DSN parameters of the RCPT it came from; {@code rcptTo} is
     * that RCPT's address: the alias whose domain forwards (and ARC-seals) the copy, or the
     * address itself when relayed.
     */
    record OutboundRecipient(EmailAddress address, RcptParameters parameters, EmailAddress rcptTo) {
        public OutboundRecipient(EmailAddress address, RcptParameters parameters) {
            this(address, parameters, address);
        }
    }
}
