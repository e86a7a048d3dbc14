package dev.yubin.imap.session;

import dev.yubin.imap.command.NumberKind;
import dev.yubin.imap.command.SortCommand;
import dev.yubin.message.Address;
import dev.yubin.message.Envelope;
import dev.yubin.message.MessageSummary;
import dev.yubin.store.MessageRecord;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** SORT and UID SORT (RFC 5256 §3; DISPLAYFROM/DISPLAYTO RFC 5957). */
final class SortProcessor {
    private SortProcessor() {
    }

    static Result process(ImapSession s, SortCommand c) throws IOException {
        String cs = c.charset().toUpperCase(Locale.ROOT);
        if (!cs.equals("UTF-8") && !cs.equals("US-ASCII")) {
            return Responses.BAD_CHARSET;
        }
        SelectedMailbox v = s.selected();
        SearchEvaluator ev = new SearchEvaluator(s);
        int[] seqs = ev.search(c.key());
        List<Integer> list = new ArrayList<>(seqs.length);
        for (int seq : seqs) {
            list.add(seq);
        }
        Comparator<Integer> cmp = null;
        for (SortCommand.Criterion cr : c.criteria()) {
            Comparator<Integer> one = comparator(cr.key(), v, ev);
            if (cr.reverse()) {
                one = one.reversed();
            }
            cmp = cmp == null ? one : cmp.thenComparing(one);
        }
        cmp = cmp.thenComparing(Comparator.naturalOrder()); // RFC 5256 §3: ties by sequence number
        list.sort(cmp);
        int[] sorted = list.stream().mapToInt(Integer::intValue).toArray();
        if (c.returns().isPresent()) {
            SearchProcessor.write(s, c.kind(), c.returns().get(), seqs, false, "SORT");
        } else {
            s.out().ascii("* SORT");
            for (int seq : sorted) {
                s.out().sp().number(c.kind() == NumberKind.UID ? v.uid(seq) : seq);
            }
            s.out().crlf();
        }
        return Result.ok((c.kind() == NumberKind.UID ? "UID " : "") + "SORT completed");
    }

    private static Comparator<Integer> comparator(SortCommand.Key key, SelectedMailbox v, SearchEvaluator ev) {
        return switch (key) {
            case ARRIVAL -> Comparator.comparing((Integer seq) -> v.record(seq).internalDate());
            case SIZE -> Comparator.comparingLong((Integer seq) -> v.record(seq).size());
            case DATE -> Comparator.comparing((Integer seq) -> sentDate(v.record(seq), ev.summary(seq)));
            case SUBJECT -> Comparator.comparing((Integer seq) -> BaseSubjects.of(header(ev.summary(seq), "subject")));
            case FROM -> Comparator.comparing((Integer seq) -> mailbox(envelope(ev.summary(seq)).from()));
            case TO -> Comparator.comparing((Integer seq) -> mailbox(envelope(ev.summary(seq)).to()));
            case CC -> Comparator.comparing((Integer seq) -> mailbox(envelope(ev.summary(seq)).cc()));
            case DISPLAYFROM -> Comparator.comparing((Integer seq) -> display(envelope(ev.summary(seq)).from()));
            case DISPLAYTO -> Comparator.comparing((Integer seq) -> display(envelope(ev.summary(seq)).to()));
        };
    }

    static Instant sentDate(MessageRecord r, MessageSummary m) {
        return m == null ? r.internalDate() : m.sentDate().orElse(r.internalDate());
    }

    private static String header(MessageSummary m, String name) {
        return m == null ? "" : SearchEvaluator.decode(m.header(name).orElse(""));
    }

    private static Envelope envelope(MessageSummary m) {
        return m == null ? Envelope.EMPTY : m.envelope();
    }

    private static String mailbox(List<Address> list) {
        for (Address a : list) {
            if (a.mailbox() != null && a.host() != null) {
                return a.mailbox().toLowerCase(Locale.ROOT);
            }
        }
        return "";
    }

    private static String display(List<Address> list) {
        for (Address a : list) {
            if (a.host() != null) {
                if (a.name() != null && !a.name().isBlank()) {
                    return SearchEvaluator.decode(a.name()).toLowerCase(Locale.ROOT);
                }
                return a.addrSpec().toLowerCase(Locale.ROOT);
            }
        }
        return "";
    }
}
