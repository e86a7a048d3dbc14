package dev.yubin.imap.session;

import dev.yubin.store.MailboxId;
import dev.yubin.store.MailboxStore;
import dev.yubin.store.StoreException;
import java.util.Arrays;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The UIDs that are {@code \Recent} in one session's view (RFC 3501 §2.3.2): an IMAP4rev1 SELECT
 * claims them from the store as the view first sees them, so each message is recent in exactly
 * one session; EXAMINE shows the unclaimed ones without taking them (RFC 3501 §6.3.2); IMAP4rev2
 * has no {@code \Recent} (RFC 9051 Appendix E) and claims nothing.
 */
final class RecentUids {
    private static final Logger LOG = LoggerFactory.getLogger(RecentUids.class);

    /** How a view takes part in \Recent. */
    enum Mode { CLAIM, PEEK, NONE }

    private final Mode mode;
    private final MailboxStore store;
    private final MailboxId mailbox;
    private final RecentClaims claims;
    private long[] ranges = new long[0]; // [from, to) pairs, ascending
    private long seenEnd = 1;

    RecentUids(Mode mode, MailboxStore store, MailboxId mailbox, RecentClaims claims) {
        this.mode = mode;
        this.store = store;
        this.mailbox = mailbox;
        this.claims = claims;
    }

    /** The view now holds every message below {@code uidEnd}: claims (or peeks at) the new ones. */
    void seen(long uidEnd) {
        if (uidEnd <= seenEnd || mode == Mode.NONE) {
            seenEnd = Math.max(seenEnd, uidEnd);
            return;
        }
        long low;
        try {
            low = mode == Mode.CLAIM ? claims.claim(store, mailbox, uidEnd) : store.recentMark(mailbox);
        } catch (StoreException.NotFound e) {
            return; // the mailbox was just deleted: the session learns it from its next command
        } catch (StoreException e) {
            // ours: the session goes on without \Recent for these; the next update tries again
            LOG.warn("event=imap.recent_claim_failed mailbox={} error={}", mailbox.value(), e.toString());
            return;
        }
        long from = Math.max(low, seenEnd);
        seenEnd = uidEnd;
        if (from >= uidEnd) {
            return;
        }
        int n = ranges.length;
        if (n > 0 && ranges[n - 1] == from) {
            ranges[n - 1] = uidEnd;
        } else {
            ranges = Arrays.copyOf(ranges, n + 2);
            ranges[n] = from;
            ranges[n + 1] = uidEnd;
        }
    }

    boolean contains(long uid) {
        long[] r = ranges;
        for (int i = 0; i < r.length; i += 2) {
            if (uid >= r[i] && uid < r[i + 1]) {
                return true;
            }
        }
        return false;
    }
}
