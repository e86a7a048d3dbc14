package dev.yubin.imap.session;

import dev.yubin.store.MailboxId;
import dev.yubin.store.MailboxStore;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Avoids a durable write on every IMAP4rev1 SELECT: remembers, per mailbox, a UID the store's
 * recent mark has reached (it never moves back), so a claim below it is known to get nothing.
 */
public final class RecentClaims {
    private static final int MAX_ENTRIES = 100_000;
    private final ConcurrentHashMap<Long, Long> markAtLeast = new ConcurrentHashMap<>();

    /**
     * Claims the unclaimed recent UIDs below {@code uidEnd} (RFC 3501 §2.3.2) with
     * {@link MailboxStore#claimRecent(MailboxId, long)}: the caller's are {@code [result, uidEnd)}.
     */
    long claim(MailboxStore store, MailboxId mailbox, long uidEnd) {
        Long known = markAtLeast.get(mailbox.value());
        if (known != null && known >= uidEnd) {
            return Long.MAX_VALUE;
        }
        long low = store.claimRecent(mailbox, uidEnd);
        if (markAtLeast.size() > MAX_ENTRIES) {
            markAtLeast.clear();
        }
        markAtLeast.merge(mailbox.value(), Math.max(low, uidEnd), Math::max);
        return low;
    }
}
