package dev.yubin.imap.session;

import dev.yubin.imap.command.CopyCommand;
import dev.yubin.imap.command.MoveCommand;
import dev.yubin.imap.command.NumberKind;
import dev.yubin.imap.protocol.ParseException;
import dev.yubin.imap.protocol.SequenceSet;
import dev.yubin.imap.protocol.ResponseWriter;
import dev.yubin.store.CopyResult;
import dev.yubin.store.Mailbox;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** COPY (RFC 9051 §6.4.7) and MOVE (RFC 6851 §3) with COPYUID (RFC 4315 §3). */
final class CopyProcessor {
    private CopyProcessor() {
    }

    static Result copy(ImapSession s, CopyCommand c) throws IOException, ParseException {
        return run(s, c.kind(), c.set(), c.mailbox(), false);
    }

    static Result move(ImapSession s, MoveCommand c) throws IOException, ParseException {
        if (s.selected().readOnly()) {
            return Responses.READ_ONLY;
        }
        return run(s, c.kind(), c.set(), c.mailbox(), true);
    }

    private static Result run(ImapSession s, NumberKind kind, SequenceSet set, String mailbox, boolean move)
            throws IOException, ParseException {
        SelectedMailbox v = s.selected();
        String name = s.mailboxName(mailbox);
        Optional<Mailbox> target = s.services().store().mailbox(s.user().id(), name);
        if (target.isEmpty()) {
            return new Result.No("TRYCREATE", "No such mailbox"); // RFC 9051 §6.4.7
        }
        int[] seqs = v.resolve(set, kind);
        if (seqs == null) {
            return Responses.BAD_SEQUENCE;
        }
        List<Long> uids = new ArrayList<>();
        for (int seq : seqs) {
            if (!v.isExpunged(seq)) {
                uids.add(v.uid(seq));
            }
        }
        String verb = (kind == NumberKind.UID ? "UID " : "") + (move ? "MOVE" : "COPY");
        if (uids.isEmpty()) {
            return Result.ok(verb + " completed");
        }
        var store = s.services().store();
        CopyResult r = move ? store.move(v.mailbox().id(), uids, target.get().id())
                : store.copy(v.mailbox().id(), uids, target.get().id());
        String code = "COPYUID " + r.uidValidity() + " " + SequenceSet.format(r.sourceUids()) + " "
                + SequenceSet.format(r.targetUids());
        if (target.get().id().equals(v.mailbox().id())) {
            v.markDirty();
        }
        if (move) {
            ResponseWriter w = s.out();
            w.ascii("* OK [").ascii(code).ascii("] Moved").crlf(); // RFC 6851 §4.3
            v.announceExpunged(r.sourceUids());
            return Result.ok(verb + " completed");
        }
        return Result.ok(code, verb + " completed");
    }
}
