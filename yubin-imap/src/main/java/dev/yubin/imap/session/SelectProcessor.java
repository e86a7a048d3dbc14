package dev.yubin.imap.session;

import dev.yubin.imap.command.SelectCommand;
import dev.yubin.imap.protocol.ParseException;
import dev.yubin.imap.protocol.ResponseWriter;
import dev.yubin.imap.protocol.SequenceSet;
import dev.yubin.store.Changes;
import dev.yubin.store.Mailbox;
import dev.yubin.store.MessageRecord;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * SELECT and EXAMINE (RFC 9051 §6.3.2-6.3.3; RFC 3501 §6.3.1 for rev1's RECENT and UNSEEN;
 * CONDSTORE/QRESYNC parameters RFC 7162 §3.1.8, §3.2.5).
 */
final class SelectProcessor {
    static final String FLAGS = "\\Answered \\Flagged \\Deleted \\Seen \\Draft";

    private SelectProcessor() {
    }

    static Result process(ImapSession s, SelectCommand c) throws IOException, ParseException {
        if (c.qresync().isPresent() && !s.extensions().qresync()) {
            return new Result.Bad(null, "QRESYNC is not enabled"); // RFC 7162 §3.2.5
        }
        if (c.condstore()) {
            s.extensions().enableCondstore();
        }
        String name = s.mailboxName(c.mailbox());
        ResponseWriter w = s.out();
        if (s.state() == ImapSession.State.SELECTED) {
            s.unselect();
            w.ascii("* OK [CLOSED] Previous mailbox closed").crlf(); // RFC 9051 §6.3.2, RFC 7162 §3.2.11
        }
        Optional<Mailbox> mb = s.services().store().mailbox(s.user().id(), name);
        if (mb.isEmpty()) {
            return Responses.NONEXISTENT;
        }
        boolean readOnly = c.mode() == SelectCommand.Mode.EXAMINE;
        SelectedMailbox v = new SelectedMailbox(s, mb.get(), readOnly);
        v.open();
        s.select(v);
        Mailbox m = mb.get();
        w.ascii("* FLAGS (").ascii(FLAGS).ch(')').crlf();
        if (readOnly) {
            w.ascii("* OK [PERMANENTFLAGS ()] Read-only mailbox").crlf();
        } else {
            w.ascii("* OK [PERMANENTFLAGS (").ascii(FLAGS).ascii(" \\*)] Flags permitted").crlf();
        }
        w.ascii("* ").number(v.count()).ascii(" EXISTS").crlf();
        if (!s.extensions().rev2()) {
            w.ascii("* ").number(v.recentCount()).ascii(" RECENT").crlf();
            for (int i = 1; i <= v.count(); i++) {
                if (!v.record(i).hasFlag("\\Seen")) {
                    w.ascii("* OK [UNSEEN ").number(i).ascii("] First unseen").crlf();
                    break;
                }
            }
        }
        w.ascii("* OK [UIDVALIDITY ").number(m.uidValidity()).ascii("] UIDs valid").crlf();
        w.ascii("* OK [UIDNEXT ").number(Math.max(m.uidNext(), v.maxUid() + 1)).ascii("] Predicted next UID").crlf();
        w.ascii("* OK [HIGHESTMODSEQ ").number(v.highestModSeq()).ascii("] Highest").crlf();
        if (s.extensions().rev2()) {
            w.ascii("* LIST () \"/\" ").string(s.wireName(m.name())).crlf();
        }
        if (c.qresync().isPresent() && c.qresync().get().uidValidity() == m.uidValidity()) {
            resync(s, v, c.qresync().get());
        }
        return Result.ok(readOnly ? "READ-ONLY" : "READ-WRITE",
                (readOnly ? "EXAMINE" : "SELECT") + " completed");
    }

    /**
     * RFC 7162 §3.2.5.1: VANISHED (EARLIER) and FETCH for what changed since the client's MODSEQ;
     * VANISHED is narrowed to the known UIDs and past what the sequence match data shows the client
     * knows already (§3.2.5.2).
     */
    private static void resync(ImapSession s, SelectedMailbox v, SelectCommand.Qresync q) throws IOException {
        Changes ch = s.services().store().changesSince(v.mailbox().id(), q.modSeq());
        long knownThrough = q.knownSequence().isPresent() && q.knownSequenceUids().isPresent()
                ? SequenceMatch.knownThrough(v, q.knownSequence().get(), q.knownSequenceUids().get()) : 0;
        List<Long> gone = new ArrayList<>();
        for (long uid : ch.expunged()) {
            if (uid > knownThrough
                    && (q.knownUids().isEmpty() || q.knownUids().get().contains(uid, Long.MAX_VALUE))) {
                gone.add(uid);
            }
        }
        if (!gone.isEmpty()) {
            s.out().ascii("* VANISHED (EARLIER) ").ascii(SequenceSet.format(gone)).crlf();
        }
        for (MessageRecord r : ch.changed()) {
            int seq = v.seqOf(r.uid());
            if (seq > 0 && (q.knownUids().isEmpty() || q.knownUids().get().contains(r.uid(), v.maxUid()))) {
                FetchResponses.flags(s, seq, v.record(seq), FetchResponses.Include.WITH_UID);
            }
        }
    }

}
