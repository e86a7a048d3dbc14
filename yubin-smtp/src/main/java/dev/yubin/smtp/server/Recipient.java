package dev.yubin.smtp.server;

import dev.yubin.core.EmailAddress;
import dev.yubin.store.User;
import java.util.List;

/**
 * One accepted RCPT TO, with where its copies go.
 *
 * @param address the recipient as given (source route and trailing dot removed)
 * @param local users whose INBOX receives a copy (aliases, plus-addressing and catch-all applied)
 * @param remote outside addresses for the {@link OutboundRouter} (alias forwards, or relaying for
 *     authenticated clients)
 */
public record Recipient(EmailAddress address, RcptParameters parameters, List<User> local,
                        List<EmailAddress> remote) {
    public Recipient {
        local = List.copyOf(local);
        remote = List.copyOf(remote);
    }
}
