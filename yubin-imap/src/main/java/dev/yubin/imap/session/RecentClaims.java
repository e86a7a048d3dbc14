package dev.yubin.imap.session;

import dev.yubin.store.MailboxId;
import dev.yubin.store.MailboxStore;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Avoids a durable write on every IMAP4rev1 SELECT: after {@link MailboxStore#claimRecent} moved a
 * mailbox's recent mark to UIDNEXT {@code U}, and while UIDNEXT is still {@code U}, nothing can be
 * recent (the mark never moves back), so a later SELECT need not claim again.
 */
public final class RecentClaims {
    private static final int MAX_ENTRIES = 100_000;
    private final ConcurrentHashMap<Long, Long> claimedAt = new ConcurrentHashMap<>();

    /**
     * The lowest recent UID for this session (RFC 3501 §2.3.2), or {@code Long.MAX_VALUE} for none.
     *
     * @param uidNext the mailbox's UIDNEXT read before this call
     */
    long claim(MailboxStore store, MailboxId mailbox, long uidNext) {
        Long known = claimedAt.get(mailbox.value());
        if (known != null && known == uidNext) {
            return Long.MAX_VALUE;
        }
        long low = store.claimRecent(mailbox);
        if (claimedAt.size() > MAX_ENTRIES) {
            claimedAt.clear();
        }
        claimedAt.put(mailbox.value(), uidNext); // read before the claim: never ahead of the mark
        return low;
    }
}
