package dev.yubin.store;

import java.util.Set;

/**
 * Where one local copy of a delivered message goes.
 *
 * @param mailboxName the folder ({@code INBOX}, or e.g. {@code Junk} for quarantined mail); if it
 *     does not exist the message goes to INBOX
 */
public record DeliveryTarget(UserId user, String mailboxName, Set<String> flags) {
    public DeliveryTarget {
        flags = Set.copyOf(flags);
    }

    public static DeliveryTarget inbox(UserId user) {
        return new DeliveryTarget(user, Mailbox.INBOX, Set.of());
    }
}
