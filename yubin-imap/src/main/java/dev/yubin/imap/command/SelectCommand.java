package dev.yubin.imap.command;

import dev.yubin.imap.protocol.ImapParser;
import dev.yubin.imap.protocol.ParseException;
import dev.yubin.imap.protocol.SequenceSet;
import java.util.Optional;

/**
 * {@code SELECT} / {@code EXAMINE mailbox [(CONDSTORE | QRESYNC (...))]} (RFC 9051 §6.3.2-6.3.3,
 * RFC 7162 §3.1.8 and §3.2.5).
 */
public record SelectCommand(String mailbox, Mode mode, boolean condstore, Optional<Qresync> qresync)
        implements Command {

    public enum Mode { SELECT, EXAMINE }

    /** RFC 7162 §3.2.5 QRESYNC parameters. */
    public record Qresync(long uidValidity, long modSeq, Optional<SequenceSet> knownUids,
                          Optional<SequenceSet> knownSequence, Optional<SequenceSet> knownSequenceUids) {
    }

    @Override
    public Allowed allowed() {
        return Allowed.AUTHENTICATED;
    }

    static SelectCommand parse(ImapParser p, Mode mode) throws ParseException {
        p.sp();
        String m = p.astring();
        boolean condstore = false;
        Optional<Qresync> q = Optional.empty();
        if (p.tryChar(' ')) {
            p.enterList();
            while (!p.leaveList()) {
                p.tryChar(' ');
                String param = p.keyword();
                switch (param) {
                    case "CONDSTORE" -> condstore = true;
                    case "QRESYNC" -> {
                        p.sp();
                        q = Optional.of(qresync(p));
                    }
                    default -> throw new ParseException("Unknown SELECT parameter " + param);
                }
            }
        }
        p.end();
        return new SelectCommand(m, mode, condstore, q);
    }

    private static Qresync qresync(ImapParser p) throws ParseException {
        p.enterList();
        long validity = p.nzNumber();
        p.sp();
        long modseq = p.nzNumber();
        Optional<SequenceSet> known = Optional.empty();
        Optional<SequenceSet> seqs = Optional.empty();
        Optional<SequenceSet> uids = Optional.empty();
        if (p.tryChar(' ')) {
            if (!p.peekIs('(')) {
                known = Optional.of(p.sequenceSet());
            }
            if (known.isEmpty() || p.tryChar(' ')) {
                p.enterList();
                seqs = Optional.of(p.sequenceSet());
                p.sp();
                uids = Optional.of(p.sequenceSet());
                p.expect(')');
                p.unnest();
                long ns = size(seqs.get());
                long nu = size(uids.get());
                if (ns >= 0 && nu >= 0 && ns != nu) {
                    // RFC 7162 §3.2.5.2: the two sets name the same number of messages, pairwise
                    throw new ParseException("QRESYNC sequence match data: the two sets differ in size");
                }
            }
        }
        p.expect(')');
        p.unnest();
        return new Qresync(validity, modseq, known, seqs, uids);
    }

    /** How many numbers a set names, or -1 when it uses {@code *} or {@code $} (known only later). */
    private static long size(SequenceSet set) {
        if (set.saved()) {
            return -1;
        }
        long n = 0;
        for (SequenceSet.Range r : set.ranges()) {
            if (r.low() == SequenceSet.STAR || r.high() == SequenceSet.STAR) {
                return -1;
            }
            n += r.to(0) - r.from(0) + 1;
        }
        return n;
    }
}
