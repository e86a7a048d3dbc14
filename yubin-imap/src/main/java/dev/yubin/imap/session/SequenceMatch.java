package dev.yubin.imap.session;

import dev.yubin.imap.protocol.SequenceSet;

/**
 * QRESYNC message sequence match data (RFC 7162 §3.2.5.2): pairs of a sequence number and the UID
 * the client believes it has. Where a pair still matches the mailbox, the client knows of every
 * expunge up to and including that UID, so VANISHED (EARLIER) leaves those UIDs out.
 *
 * <p>The walk is bounded by the view: sequence numbers must ascend and stay within the mailbox,
 * so it takes at most one step per message, whatever ranges the client sends.
 */
final class SequenceMatch {
    private SequenceMatch() {
    }

    /**
     * The UID through which the client knows every expunge: the UID of the last pair, in the
     * client's (ascending) order, before the first pair that does not match; 0 when none does.
     */
    static long knownThrough(SelectedMailbox v, SequenceSet seqs, SequenceSet uids) {
        Numbers s = new Numbers(seqs, v.count());
        Numbers u = new Numbers(uids, v.maxUid());
        long lastSeq = 0;
        long lastUid = 0;
        while (s.hasNext() && u.hasNext()) {
            long seq = s.next();
            long uid = u.next();
            if (seq <= lastSeq || seq > v.count() || uid <= lastUid || v.uid((int) seq) != uid) {
                break; // RFC 7162 §3.2.5.2: the first mismatch ends what the client provably knows
            }
            lastSeq = seq;
            lastUid = uid;
        }
        return lastUid;
    }

    /** The numbers of a set in the order written, each range ascending; {@code *} is {@code max}. */
    private static final class Numbers {
        private final SequenceSet set;
        private final long max;
        private int range = -1;
        private long next = 1;
        private long to = 0;

        Numbers(SequenceSet set, long max) {
            this.set = set;
            this.max = max;
        }

        boolean hasNext() {
            while (next > to) {
                if (++range >= set.ranges().size()) {
                    return false;
                }
                SequenceSet.Range r = set.ranges().get(range);
                next = r.from(max);
                to = r.to(max);
            }
            return true;
        }

        long next() {
            return next++;
        }
    }
}
