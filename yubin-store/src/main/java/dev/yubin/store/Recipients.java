package dev.yubin.store;

import dev.yubin.core.EmailAddress;
import java.util.List;

/**
 * Where mail for one envelope recipient goes after plus-addressing, aliases and catch-all are
 * applied. Empty means "no such recipient" ({@code 550 5.1.1} at RCPT time).
 *
 * @param local users whose INBOX receives a copy (deduplicated)
 * @param forward outside addresses the message is forwarded to (outbound queue)
 */
public record Recipients(List<User> local, List<EmailAddress> forward) {
    public Recipients {
        local = List.copyOf(local);
        forward = List.copyOf(forward);
    }

    public static Recipients none() {
        return new Recipients(List.of(), List.of());
    }

    public boolean isEmpty() {
        return local.isEmpty() && forward.isEmpty();
    }
}
