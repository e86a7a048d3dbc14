package dev.yubin.imap.session;

import dev.yubin.imap.command.ExpungeCommand;
import dev.yubin.imap.command.NumberKind;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** EXPUNGE (RFC 9051 §6.4.3) and UID EXPUNGE (RFC 9051 §6.4.9, RFC 4315 §2.1). */
final class ExpungeProcessor {
    private ExpungeProcessor() {
    }

    static Result process(ImapSession s, ExpungeCommand c) throws IOException {
        SelectedMailbox v = s.selected();
        if (v.readOnly()) {
            return Responses.READ_ONLY;
        }
        Optional<Collection<Long>> only = Optional.empty();
        if (c.uids().isPresent()) {
            int[] seqs = v.resolve(c.uids().get(), NumberKind.UID);
            if (seqs == null) {
                return Responses.BAD_SEQUENCE;
            }
            List<Long> uids = new ArrayList<>(seqs.length);
            for (int seq : seqs) {
                uids.add(v.uid(seq));
            }
            if (uids.isEmpty()) {
                return Result.ok("UID EXPUNGE completed");
            }
            only = Optional.of(uids);
        }
        List<Long> removed = s.services().store().expunge(v.mailbox().id(), only);
        v.announceExpunged(removed);
        return Result.ok((c.uids().isPresent() ? "UID " : "") + "EXPUNGE completed");
    }
}
