package dev.yubin.imap.session;

import dev.yubin.imap.command.FetchCommand;
import dev.yubin.imap.command.FetchItem;
import dev.yubin.imap.command.NumberKind;
import dev.yubin.imap.protocol.ImapDates;
import dev.yubin.imap.protocol.ResponseWriter;
import dev.yubin.imap.protocol.SequenceSet;
import dev.yubin.message.MessageSummary;
import dev.yubin.store.FlagChange;
import dev.yubin.store.FlagsResult;
import dev.yubin.store.MessageRecord;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * FETCH and UID FETCH (RFC 9051 §6.4.5, §6.4.9; CHANGEDSINCE/VANISHED RFC 7162 §3.1.4.1, §3.2.6).
 * Reads summaries in batches from one store query each and writes every response into the
 * session's one buffer.
 */
final class FetchProcessor {
    private FetchProcessor() {
    }

    static Result process(ImapSession s, FetchCommand c) throws IOException {
        SelectedMailbox v = s.selected();
        List<FetchItem> items = new ArrayList<>(c.items());
        if (c.changedSince() >= 0 || items.contains(FetchItem.Simple.MODSEQ)) {
            s.extensions().enableCondstore(); // RFC 7162 §3.1: a CONDSTORE enabling command
        }
        if (c.kind() == NumberKind.UID && !items.contains(FetchItem.Simple.UID)) {
            items.add(0, FetchItem.Simple.UID); // RFC 9051 §6.4.9
        }
        if (c.changedSince() >= 0 && !items.contains(FetchItem.Simple.MODSEQ)) {
            items.add(FetchItem.Simple.MODSEQ); // RFC 7162 §3.1.4.1
        }
        int[] seqs = v.resolve(c.set(), c.kind());
        if (seqs == null) {
            return Responses.BAD_SEQUENCE;
        }
        if (c.vanished()) {
            vanishedEarlier(s, c);
        }
        boolean needSummary = false;
        boolean setsSeen = false;
        for (FetchItem i : items) {
            needSummary |= needsSummary(i);
            setsSeen |= setsSeen(i);
        }
        setsSeen &= !v.readOnly();
        MessageFetcher fetcher = new MessageFetcher(s);
        boolean expunged = false;
        int batch = s.services().settings().fetchBatch();
        for (int from = 0; from < seqs.length; from += batch) {
            int to = Math.min(seqs.length, from + batch);
            List<Integer> chunk = new ArrayList<>(to - from);
            for (int k = from; k < to; k++) {
                int seq = seqs[k];
                if (v.isExpunged(seq)) {
                    expunged = true;
                    continue;
                }
                if (c.changedSince() >= 0 && v.record(seq).modSeq() <= c.changedSince()) {
                    continue;
                }
                chunk.add(seq);
            }
            if (chunk.isEmpty()) {
                continue;
            }
            Set<Integer> seenNow = setsSeen ? markSeen(s, v, chunk) : Set.of();
            List<MessageSummary> summaries = null;
            if (needSummary) {
                List<Long> uids = new ArrayList<>(chunk.size());
                for (int seq : chunk) {
                    uids.add(v.uid(seq));
                }
                summaries = s.services().summaries().get(s.services().store(), v.mailbox().id(), uids);
            }
            for (int k = 0; k < chunk.size(); k++) {
                int seq = chunk.get(k);
                MessageSummary summary = summaries == null ? null : summaries.get(k);
                writeOne(s, fetcher, seq, v.record(seq), summary, items, seenNow.contains(seq));
            }
        }
        if (expunged) {
            return Responses.EXPUNGE_ISSUED;
        }
        return Result.ok((c.kind() == NumberKind.UID ? "UID " : "") + "FETCH completed");
    }

    private static void vanishedEarlier(ImapSession s, FetchCommand c) throws IOException {
        SelectedMailbox v = s.selected();
        List<Long> gone = new ArrayList<>();
        for (long uid : s.services().store().changesSince(v.mailbox().id(), c.changedSince()).expunged()) {
            if (c.set().contains(uid, v.maxUid())) {
                gone.add(uid);
            }
        }
        if (!gone.isEmpty()) {
            s.out().ascii("* VANISHED (EARLIER) ").ascii(SequenceSet.format(gone)).crlf();
        }
    }

    /** Sets \Seen on the chunk's unseen messages before answering (RFC 9051 §6.4.5 BODY[section]). */
    private static Set<Integer> markSeen(ImapSession s, SelectedMailbox v, List<Integer> chunk) {
        List<Long> unseen = new ArrayList<>();
        for (int seq : chunk) {
            if (!v.record(seq).hasFlag("\\Seen")) {
                unseen.add(v.uid(seq));
            }
        }
        if (unseen.isEmpty()) {
            return Set.of();
        }
        FlagsResult r = s.services().store().storeFlags(v.mailbox().id(), unseen,
                new FlagChange(FlagChange.Mode.ADD, Set.of("\\Seen")), -1);
        Set<Integer> changed = new java.util.HashSet<>();
        for (MessageRecord m : r.updated()) {
            v.updated(m);
            changed.add(v.seqOf(m.uid()));
        }
        return changed;
    }

    private static boolean needsSummary(FetchItem i) {
        return switch (i) {
            case FetchItem.Simple simple -> switch (simple) {
                case ENVELOPE, BODYSTRUCTURE, BODY, RFC822_HEADER, RFC822_TEXT -> true;
                default -> false;
            };
            case FetchItem.BodySection b -> !(b.section().part().isEmpty()
                    && b.section().text() == FetchItem.Section.Text.ALL);
            case FetchItem.Binary b -> !b.part().isEmpty();
            case FetchItem.BinarySize b -> !b.part().isEmpty();
        };
    }

    private static boolean setsSeen(FetchItem i) {
        return switch (i) {
            case FetchItem.Simple simple -> simple == FetchItem.Simple.RFC822 || simple == FetchItem.Simple.RFC822_TEXT;
            case FetchItem.BodySection b -> !b.peek();
            case FetchItem.Binary b -> !b.peek();
            case FetchItem.BinarySize b -> false;
        };
    }

    private static void writeOne(ImapSession s, MessageFetcher fetcher, int seq, MessageRecord r,
                                 MessageSummary summary, List<FetchItem> items, boolean flagsChanged)
            throws IOException {
        ResponseWriter w = s.out();
        w.ascii("* ").number(seq).ascii(" FETCH (");
        boolean first = true;
        boolean flagsSent = false;
        for (FetchItem item : items) {
            if (!first) {
                w.sp();
            }
            first = false;
            switch (item) {
                case FetchItem.Simple simple -> {
                    switch (simple) {
                        case FLAGS -> {
                            FetchResponses.flagList(s, w, r);
                            flagsSent = true;
                        }
                        case UID -> w.ascii("UID ").number(r.uid());
                        case INTERNALDATE -> w.ascii("INTERNALDATE \"").ascii(ImapDates.format(r.internalDate()))
                                .ch('"');
                        case RFC822_SIZE -> w.ascii("RFC822.SIZE ").number(r.size());
                        case MODSEQ -> w.ascii("MODSEQ (").number(r.modSeq()).ch(')');
                        case SAVEDATE -> w.ascii("SAVEDATE NIL");
                        case ENVELOPE -> {
                            w.ascii("ENVELOPE ");
                            FetchResponses.envelope(w, summary == null
                                    ? dev.yubin.message.Envelope.EMPTY : summary.envelope());
                        }
                        case BODY, BODYSTRUCTURE -> {
                            w.ascii(simple == FetchItem.Simple.BODY ? "BODY " : "BODYSTRUCTURE ");
                            if (summary == null) {
                                w.ascii("(\"text\" \"plain\" NIL NIL NIL \"7bit\" ").number(r.size()).ascii(" 0)");
                            } else {
                                FetchResponses.body(w, summary.body(), simple == FetchItem.Simple.BODYSTRUCTURE);
                            }
                        }
                        case RFC822 -> fetcher.section(w, "RFC822", r, summary, MessageFetcher.WHOLE, -1, -1);
                        case RFC822_HEADER -> fetcher.section(w, "RFC822.HEADER", r, summary,
                                MessageFetcher.HEADER, -1, -1);
                        case RFC822_TEXT -> fetcher.section(w, "RFC822.TEXT", r, summary, MessageFetcher.TEXT, -1,
                                -1);
                    }
                }
                case FetchItem.BodySection b -> fetcher.section(w, null, r, summary, b.section(), b.origin(),
                        b.count());
                case FetchItem.Binary b -> fetcher.binary(w, r, summary, b.part(), b.origin(), b.count());
                case FetchItem.BinarySize b -> fetcher.binarySize(w, r, summary, b.part());
            }
        }
        if (flagsChanged && !flagsSent) {
            w.sp();
            FetchResponses.flagList(s, w, r); // RFC 9051 §6.4.5: report the implicit \Seen
        }
        w.ch(')').crlf();
    }
}
