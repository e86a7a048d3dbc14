package dev.yubin.imap.session;

import dev.yubin.imap.command.NumberKind;
import dev.yubin.imap.command.SearchCommand;
import dev.yubin.imap.command.SearchCommand.ReturnOption;
import dev.yubin.imap.command.SearchKey;
import dev.yubin.imap.protocol.ResponseWriter;
import java.io.IOException;
import java.util.EnumSet;
import java.util.Set;

/**
 * SEARCH and UID SEARCH (RFC 9051 §6.4.4), answered as {@code * SEARCH} for IMAP4rev1 clients and as
 * ESEARCH (RFC 4731 / RFC 9051 §7.3.4) when RETURN is used or IMAP4rev2 is enabled; SAVE per RFC 5182.
 */
final class SearchProcessor {
    private SearchProcessor() {
    }

    static Result process(ImapSession s, SearchCommand c) throws IOException {
        if (!c.charset().equals("UTF-8") && !c.charset().equals("US-ASCII")) {
            return Responses.BAD_CHARSET;
        }
        boolean modseq = usesModSeq(c.key());
        if (modseq) {
            s.extensions().enableCondstore();
        }
        SelectedMailbox v = s.selected();
        int[] seqs = new SearchEvaluator(s).search(c.key());
        write(s, c.kind(), c.returns().orElse(null), seqs, modseq, "SEARCH");
        return Result.ok((c.kind() == NumberKind.UID ? "UID " : "") + "SEARCH completed");
    }

    /** Writes a search result in the form the client asked for. */
    static void write(ImapSession s, NumberKind kind, Set<ReturnOption> returns, int[] seqs, boolean modseq,
                      String classic) throws IOException {
        SelectedMailbox v = s.selected();
        long[] numbers = new long[seqs.length];
        long highest = 0;
        for (int i = 0; i < seqs.length; i++) {
            numbers[i] = kind == NumberKind.UID ? v.uid(seqs[i]) : seqs[i];
            highest = Math.max(highest, v.record(seqs[i]).modSeq());
        }
        ResponseWriter w = s.out();
        if (returns == null && !s.extensions().rev2()) {
            w.ascii("* ").ascii(classic);
            for (long n : numbers) {
                w.sp().number(n);
            }
            if (modseq && numbers.length > 0) {
                w.ascii(" (MODSEQ ").number(highest).ch(')'); // RFC 7162 §3.1.5
            }
            w.crlf();
            return;
        }
        Set<ReturnOption> opts = returns == null ? EnumSet.of(ReturnOption.ALL) : returns;
        if (opts.contains(ReturnOption.SAVE)) {
            long[] uids = new long[seqs.length];
            for (int i = 0; i < seqs.length; i++) {
                uids[i] = v.uid(seqs[i]);
            }
            v.save(uids);
            if (opts.size() == 1) {
                return; // RFC 5182 §2.1: SAVE alone sends no ESEARCH
            }
        }
        w.ascii("* ESEARCH (TAG ").string(s.currentTag()).ch(')');
        if (kind == NumberKind.UID) {
            w.ascii(" UID");
        }
        if (numbers.length > 0) {
            if (opts.contains(ReturnOption.MIN)) {
                w.ascii(" MIN ").number(numbers[0]);
            }
            if (opts.contains(ReturnOption.MAX)) {
                w.ascii(" MAX ").number(numbers[numbers.length - 1]);
            }
        }
        if (opts.contains(ReturnOption.COUNT)) {
            w.ascii(" COUNT ").number(numbers.length);
        }
        if (opts.contains(ReturnOption.ALL) && numbers.length > 0) {
            w.ascii(" ALL ").ascii(dev.yubin.imap.protocol.SequenceSet.format(numbers, numbers.length));
        }
        if (modseq && numbers.length > 0) {
            w.ascii(" MODSEQ ").number(highest);
        }
        w.crlf();
    }

    static boolean usesModSeq(SearchKey key) {
        return switch (key) {
            case SearchKey.ModSeq m -> true;
            case SearchKey.And a -> a.keys().stream().anyMatch(SearchProcessor::usesModSeq);
            case SearchKey.Or o -> usesModSeq(o.left()) || usesModSeq(o.right());
            case SearchKey.Not n -> usesModSeq(n.key());
            default -> false;
        };
    }
}
