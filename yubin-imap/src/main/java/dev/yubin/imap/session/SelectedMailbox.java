package dev.yubin.imap.session;

import dev.yubin.imap.command.NumberKind;
import dev.yubin.imap.protocol.ResponseWriter;
import dev.yubin.imap.protocol.SequenceSet;
import dev.yubin.store.Changes;
import dev.yubin.store.Mailbox;
import dev.yubin.store.MailboxStore;
import dev.yubin.store.MessageRecord;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One session's view of its selected mailbox (RFC 9051 §2.3.1.2): the messages it has announced,
 * in sequence-number order, with their last known flags and MODSEQ.
 *
 * <p>Other sessions' changes arrive as a store notification that marks the view dirty; they are
 * read with {@link MailboxStore#changesSince} and announced by {@link #sendUpdates} only where the
 * RFC allows: EXPUNGE never during FETCH, STORE or SEARCH (RFC 9051 §7.5.1), so an expunged message
 * stays in the view (as "pending") until then.
 */
public final class SelectedMailbox {
    private static final Logger LOG = LoggerFactory.getLogger(SelectedMailbox.class);

    private final ImapSession session;
    private final MailboxStore store;
    private final Mailbox mailbox;
    private final boolean readOnly;
    private MessageRecord[] recs;
    private int count;
    private long knownModSeq;
    private final RecentUids recent;
    private final TreeSet<Long> pendingExpunge = new TreeSet<>();
    private volatile boolean dirty;
    private final java.util.concurrent.atomic.AtomicBoolean pushScheduled = new java.util.concurrent.atomic.AtomicBoolean();
    private AutoCloseable watch;
    private long[] saved = new long[0];

    SelectedMailbox(ImapSession session, Mailbox mailbox, boolean readOnly) {
        this.session = session;
        this.store = session.services().store();
        this.mailbox = mailbox;
        this.readOnly = readOnly;
        RecentUids.Mode mode = session.extensions().rev2() ? RecentUids.Mode.NONE
                : readOnly ? RecentUids.Mode.PEEK : RecentUids.Mode.CLAIM;
        this.recent = new RecentUids(mode, store, mailbox.id(), session.services().recent());
    }

    /** Registers for notifications, then loads the messages (so no change can slip between). */
    void open() {
        this.watch = store.watch(mailbox.id(), this::changed);
        Mailbox fresh = store.mailbox(mailbox.id()).orElse(mailbox);
        long modSeq = fresh.highestModSeq();
        List<MessageRecord> all = store.messages(mailbox.id());
        recs = all.toArray(new MessageRecord[0]);
        count = recs.length;
        knownModSeq = modSeq;
        for (MessageRecord r : recs) {
            knownModSeq = Math.max(knownModSeq, r.modSeq());
        }
        recent.seen(maxUid() + 1);
    }

    public Mailbox mailbox() {
        return mailbox;
    }

    public boolean readOnly() {
        return readOnly;
    }

    public int count() {
        return count;
    }

    public long highestModSeq() {
        return knownModSeq;
    }

    /** The record of a message by sequence number (1-based). */
    public MessageRecord record(int seq) {
        return recs[seq - 1];
    }

    public long uid(int seq) {
        return recs[seq - 1].uid();
    }

    public boolean isExpunged(int seq) {
        return !pendingExpunge.isEmpty() && pendingExpunge.contains(recs[seq - 1].uid());
    }

    public boolean isRecent(long uid) {
        return recent.contains(uid);
    }

    public int recentCount() {
        int n = 0;
        for (int i = 0; i < count; i++) {
            if (isRecent(recs[i].uid())) {
                n++;
            }
        }
        return n;
    }

    public long maxUid() {
        return count == 0 ? 0 : recs[count - 1].uid();
    }

    /** Sequence number of a UID, or -1. */
    public int seqOf(long uid) {
        int lo = 0;
        int hi = count - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            long u = recs[mid].uid();
            if (u < uid) {
                lo = mid + 1;
            } else if (u > uid) {
                hi = mid - 1;
            } else {
                return mid + 1;
            }
        }
        return -1;
    }

    private int lowerBound(long uid) {
        int lo = 0;
        int hi = count;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (recs[mid].uid() < uid) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /**
     * The sequence numbers a set names, ascending and without duplicates. For sequence numbers a
     * number beyond the mailbox is an error (null); for UIDs, missing ones are skipped.
     */
    public int[] resolve(SequenceSet set, NumberKind kind) {
        if (set.saved()) {
            return resolveSaved();
        }
        if (set.ranges().size() == 1) {
            return resolveRange(set.ranges().get(0), kind); // "FETCH n", "1:*": no scan of the mailbox
        }
        boolean[] hit = new boolean[count + 1];
        int n = 0;
        for (SequenceSet.Range r : set.ranges()) {
            if (kind == NumberKind.SEQUENCE) {
                if (count == 0 && (r.low() == SequenceSet.STAR || r.high() == SequenceSet.STAR)) {
                    continue; // "1:*" in an empty mailbox names nothing (as Dovecot answers)
                }
                long from = r.from(count);
                long to = r.to(count);
                if (count == 0 || from < 1 || to > count) {
                    return null;
                }
                for (long i = from; i <= to; i++) {
                    if (!hit[(int) i]) {
                        hit[(int) i] = true;
                        n++;
                    }
                }
            } else {
                long max = maxUid();
                long from = r.from(max);
                long to = r.to(max);
                for (int i = lowerBound(from); i < count && recs[i].uid() <= to; i++) {
                    if (!hit[i + 1]) {
                        hit[i + 1] = true;
                        n++;
                    }
                }
            }
        }
        int[] out = new int[n];
        int k = 0;
        for (int i = 1; i <= count; i++) {
            if (hit[i]) {
                out[k++] = i;
            }
        }
        return out;
    }

    private int[] resolveRange(SequenceSet.Range r, NumberKind kind) {
        int first;
        int last;
        if (kind == NumberKind.SEQUENCE) {
            if (count == 0 && (r.low() == SequenceSet.STAR || r.high() == SequenceSet.STAR)) {
                return new int[0];
            }
            long from = r.from(count);
            long to = r.to(count);
            if (count == 0 || from < 1 || to > count) {
                return null;
            }
            first = (int) from;
            last = (int) to;
        } else {
            long max = maxUid();
            first = lowerBound(r.from(max)) + 1;
            last = lowerBound(r.to(max) + 1);
        }
        int[] out = new int[Math.max(0, last - first + 1)];
        for (int i = 0; i < out.length; i++) {
            out[i] = first + i;
        }
        return out;
    }

    private int[] resolveSaved() {
        int[] out = new int[saved.length];
        int k = 0;
        for (long uid : saved) {
            int s = seqOf(uid);
            if (s > 0) {
                out[k++] = s;
            }
        }
        return Arrays.copyOf(out, k);
    }

    /** RFC 5182: remembers a search result (as UIDs) for {@code $}. */
    public void save(long[] uids) {
        this.saved = uids.clone();
    }

    /** Replaces a message's record after this session changed it (STORE). */
    public void updated(MessageRecord r) {
        int s = seqOf(r.uid());
        if (s > 0 && r.modSeq() >= recs[s - 1].modSeq()) {
            recs[s - 1] = r;
        }
    }

    /** Removes messages this session expunged; returns their sequence numbers, in the order to announce. */
    public int[] removeOwn(List<Long> uids) {
        List<Long> present = new ArrayList<>();
        for (long u : uids) {
            if (seqOf(u) > 0) {
                present.add(u);
            }
            pendingExpunge.remove(u);
        }
        return remove(present);
    }

    /** Removes the UIDs from the view; returns the sequence numbers highest first (each valid when announced). */
    private int[] remove(List<Long> uids) {
        int[] seqs = new int[uids.size()];
        int k = 0;
        boolean[] gone = new boolean[count];
        for (long u : uids) {
            int s = seqOf(u);
            if (s > 0 && !gone[s - 1]) {
                gone[s - 1] = true;
                seqs[k++] = s;
            }
        }
        seqs = Arrays.copyOf(seqs, k);
        Arrays.sort(seqs);
        int w = 0;
        for (int i = 0; i < count; i++) {
            if (!gone[i]) {
                recs[w++] = recs[i];
            }
        }
        Arrays.fill(recs, w, count, null);
        count = w;
        // highest first: each EXPUNGE then names a number still valid for the client
        for (int i = 0, j = seqs.length - 1; i < j; i++, j--) {
            int t = seqs[i];
            seqs[i] = seqs[j];
            seqs[j] = t;
        }
        return seqs;
    }

    /** Marks the view stale; called by the store after a commit (must not block). */
    private void changed() {
        dirty = true;
        if (session.idling() && pushScheduled.compareAndSet(false, true)) {
            Thread.ofVirtual().name("imap-idle-push").start(this::push);
        }
    }

    /**
     * Checks the store for changes the notification may not have reported yet (it arrives
     * asynchronously after the commit): NOOP, CHECK and IDLE are the client's explicit polls.
     */
    public void poll() {
        if (!dirty) {
            long highest = store.mailbox(mailbox.id()).map(Mailbox::highestModSeq).orElse(knownModSeq);
            if (highest > knownModSeq) {
                dirty = true;
            }
        }
    }

    /** Forces a re-read on the next update (after this session added messages itself). */
    public void markDirty() {
        dirty = true;
    }

    private void push() {
        session.lock().lock();
        try {
            pushScheduled.set(false);
            if (session.idling() && session.selected() == this) {
                sendUpdates(true);
                session.out().flush();
            }
        } catch (IOException e) {
            LOG.debug("event=imap.idle_push_failed conn={} error={}", session.connection().id(), e.toString());
        } catch (RuntimeException e) {
            LOG.warn("event=imap.idle_push_failed conn={}", session.connection().id(), e);
        } finally {
            session.lock().unlock();
        }
    }

    /**
     * Announces what changed since the last update: FETCH for flag changes, EXPUNGE (or VANISHED
     * with QRESYNC, RFC 7162 §3.2.10) when {@code expungeAllowed}, then EXISTS and RECENT.
     */
    public void sendUpdates(boolean expungeAllowed) throws IOException {
        List<MessageRecord> added = new ArrayList<>();
        if (dirty) {
            dirty = false;
            Changes ch = store.changesSince(mailbox.id(), knownModSeq);
            for (long u : ch.expunged()) {
                if (seqOf(u) > 0) {
                    pendingExpunge.add(u);
                }
            }
            long max = maxUid();
            for (MessageRecord r : ch.changed()) {
                int s = seqOf(r.uid());
                if (s > 0) {
                    if (r.modSeq() > recs[s - 1].modSeq() && !pendingExpunge.contains(r.uid())) {
                        boolean flagsChanged = !r.flags().equals(recs[s - 1].flags());
                        recs[s - 1] = r;
                        if (flagsChanged || session.extensions().condstore()) {
                            FetchResponses.flags(session, s, r, FetchResponses.Include.UNSOLICITED);
                        }
                    }
                } else if (r.uid() > max) {
                    added.add(r);
                }
            }
            added.sort((a, b) -> Long.compare(a.uid(), b.uid()));
            for (MessageRecord r : added) {
                append(r);
            }
            knownModSeq = Math.max(knownModSeq, ch.highestModSeq());
        }
        ResponseWriter w = session.out();
        if (expungeAllowed && !pendingExpunge.isEmpty()) {
            List<Long> gone = new ArrayList<>(pendingExpunge);
            pendingExpunge.clear();
            announceExpunged(gone);
        }
        if (!added.isEmpty()) {
            w.ascii("* ").number(count).ascii(" EXISTS").crlf();
            recent.seen(maxUid() + 1);
            if (!session.extensions().rev2()) {
                w.ascii("* ").number(recentCount()).ascii(" RECENT").crlf();
            }
        }
    }

    /** Sends EXPUNGE (highest first) or one VANISHED for UIDs that left the view. */
    void announceExpunged(List<Long> uids) throws IOException {
        ResponseWriter w = session.out();
        uids.forEach(pendingExpunge::remove);
        if (session.extensions().qresync()) {
            List<Long> present = new ArrayList<>();
            for (long u : uids) {
                if (seqOf(u) > 0) {
                    present.add(u);
                }
            }
            remove(present);
            if (!present.isEmpty()) {
                present.sort(null);
                w.ascii("* VANISHED ").ascii(SequenceSet.format(present)).crlf();
            }
            return;
        }
        for (int s : remove(uids)) {
            w.ascii("* ").number(s).ascii(" EXPUNGE").crlf();
        }
    }

    private void append(MessageRecord r) {
        if (count == recs.length) {
            recs = Arrays.copyOf(recs, Math.max(8, recs.length * 2));
        }
        recs[count++] = r;
    }

    void close() {
        if (watch != null) {
            try {
                watch.close();
            } catch (Exception e) {
                LOG.debug("event=imap.unwatch_failed error={}", e.toString());
            }
            watch = null;
        }
    }
}
