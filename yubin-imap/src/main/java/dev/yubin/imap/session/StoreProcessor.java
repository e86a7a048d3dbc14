package dev.yubin.imap.session;

import dev.yubin.imap.command.NumberKind;
import dev.yubin.imap.command.StoreCommand;
import dev.yubin.imap.protocol.ResponseWriter;
import dev.yubin.imap.protocol.SequenceSet;
import dev.yubin.store.FlagChange;
import dev.yubin.store.FlagsResult;
import dev.yubin.store.MessageRecord;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** STORE and UID STORE (RFC 9051 §6.4.6, §6.4.9; UNCHANGEDSINCE and MODIFIED RFC 7162 §3.1.3). */
final class StoreProcessor {
    private static final List<String> SYSTEM = List.of("\\Answered", "\\Flagged", "\\Deleted", "\\Seen", "\\Draft");

    private StoreProcessor() {
    }

    /** System flags in their canonical spelling (RFC 9051 §2.3.2: flags are case-insensitive). */
    static String canonicalFlag(String f) {
        for (String sys : SYSTEM) {
            if (sys.equalsIgnoreCase(f)) {
                return sys;
            }
        }
        return f;
    }

    static Result process(ImapSession s, StoreCommand c) throws IOException {
        SelectedMailbox v = s.selected();
        if (v.readOnly()) {
            return Responses.READ_ONLY;
        }
        if (c.unchangedSince() >= 0) {
            s.extensions().enableCondstore();
        }
        int[] seqs = v.resolve(c.set(), c.kind());
        if (seqs == null) {
            return Responses.BAD_SEQUENCE;
        }
        Set<String> flags = new LinkedHashSet<>();
        for (String f : c.flags()) {
            if (f.startsWith("\\") && !f.equalsIgnoreCase("\\Recent")
                    && !SYSTEM.stream().anyMatch(x -> x.equalsIgnoreCase(f))) {
                return new Result.Bad(null, "Invalid flag " + f);
            }
            if (!f.equalsIgnoreCase("\\Recent")) {
                flags.add(canonicalFlag(f));
            }
        }
        List<Long> uids = new ArrayList<>(seqs.length);
        for (int seq : seqs) {
            if (!v.isExpunged(seq)) {
                uids.add(v.uid(seq));
            }
        }
        FlagsResult r = uids.isEmpty() ? new FlagsResult(List.of(), List.of())
                : s.services().store().storeFlags(v.mailbox().id(), uids, new FlagChange(c.mode(), flags),
                        c.unchangedSince());
        for (MessageRecord m : r.updated()) {
            v.updated(m);
        }
        Set<Long> modified = new HashSet<>(r.modifiedSince());
        boolean condstore = s.extensions().condstore();
        if (!c.silent() || condstore) {
            Set<Long> updated = new HashSet<>();
            for (MessageRecord m : r.updated()) {
                updated.add(m.uid());
            }
            ResponseWriter w = s.out();
            for (long uid : uids) {
                if (modified.contains(uid) || (c.silent() && !updated.contains(uid))) {
                    continue;
                }
                int seq = v.seqOf(uid);
                MessageRecord m = v.record(seq);
                w.ascii("* ").number(seq).ascii(" FETCH (");
                boolean first = true;
                if (!c.silent()) {
                    FetchResponses.flagList(s, w, m);
                    first = false;
                }
                // RFC 9051 §6.4.9 / RFC 7162 §3.2.4: UID STORE (and QRESYNC) replies carry the UID
                if (c.kind() == NumberKind.UID || s.extensions().qresync()) {
                    w.ascii(first ? "UID " : " UID ").number(m.uid());
                    first = false;
                }
                if (condstore) {
                    w.ascii(first ? "MODSEQ (" : " MODSEQ (").number(m.modSeq()).ch(')');
                }
                w.ch(')').crlf();
            }
        }
        String done = (c.kind() == NumberKind.UID ? "UID " : "") + "STORE completed";
        if (!modified.isEmpty()) {
            List<Long> numbers = new ArrayList<>();
            for (long uid : r.modifiedSince()) {
                numbers.add(c.kind() == NumberKind.UID ? uid : (long) v.seqOf(uid));
            }
            numbers.sort(null);
            return Result.ok("MODIFIED " + SequenceSet.format(numbers), "Conditional STORE failed for some");
        }
        return Result.ok(done);
    }

}
