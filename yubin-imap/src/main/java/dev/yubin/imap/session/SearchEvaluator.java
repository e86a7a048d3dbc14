package dev.yubin.imap.session;

import dev.yubin.imap.command.SearchKey;
import dev.yubin.message.MessageSummary;
import dev.yubin.store.MessageRecord;
import dev.yubin.store.TextScope;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.james.mime4j.codec.DecodeMonitor;
import org.apache.james.mime4j.codec.DecoderUtil;

/**
 * Evaluates a SEARCH key over the selected mailbox (RFC 9051 §6.4.4). Flags, dates, sizes and UIDs
 * come from the session's view; header keys from the cached summaries (loaded only when needed, in
 * batches); BODY and TEXT from the store's full-text index — bodies are never scanned.
 */
final class SearchEvaluator {
    private final ImapSession s;
    private final SelectedMailbox v;
    private final Map<SearchKey, Set<Long>> text = new HashMap<>();
    private MessageSummary[] summaries;
    private int[] saved;

    SearchEvaluator(ImapSession s) {
        this.s = s;
        this.v = s.selected();
    }

    /** Matching sequence numbers, ascending. */
    int[] search(SearchKey key) {
        prepare(key);
        if (needsSummary(key)) {
            loadSummaries();
        }
        int[] out = new int[v.count()];
        int n = 0;
        for (int seq = 1; seq <= v.count(); seq++) {
            if (!v.isExpunged(seq) && matches(key, seq)) {
                out[n++] = seq;
            }
        }
        return java.util.Arrays.copyOf(out, n);
    }

    MessageSummary summary(int seq) {
        if (summaries == null) {
            loadSummaries();
        }
        return summaries[seq - 1];
    }

    private void prepare(SearchKey key) {
        switch (key) {
            case SearchKey.Body b -> text.computeIfAbsent(key, k -> fullText(b.text(), TextScope.BODY));
            case SearchKey.Text t -> text.computeIfAbsent(key, k -> fullText(t.text(), TextScope.TEXT));
            case SearchKey.And a -> a.keys().forEach(this::prepare);
            case SearchKey.Or o -> {
                prepare(o.left());
                prepare(o.right());
            }
            case SearchKey.Not n -> prepare(n.key());
            default -> {
            }
        }
    }

    private Set<Long> fullText(String query, TextScope scope) {
        return new HashSet<>(s.services().store().searchText(v.mailbox().id(), query, scope));
    }

    static boolean needsSummary(SearchKey key) {
        return switch (key) {
            case SearchKey.Header h -> true;
            case SearchKey.SentDate d -> true;
            case SearchKey.And a -> a.keys().stream().anyMatch(SearchEvaluator::needsSummary);
            case SearchKey.Or o -> needsSummary(o.left()) || needsSummary(o.right());
            case SearchKey.Not n -> needsSummary(n.key());
            default -> false;
        };
    }

    private void loadSummaries() {
        summaries = new MessageSummary[v.count()];
        int batch = 1000;
        for (int from = 1; from <= v.count(); from += batch) {
            int to = Math.min(v.count(), from + batch - 1);
            List<Long> uids = new ArrayList<>(to - from + 1);
            for (int seq = from; seq <= to; seq++) {
                uids.add(v.uid(seq));
            }
            List<MessageSummary> got = s.services().summaries().get(s.services().store(), v.mailbox().id(), uids);
            for (int k = 0; k < got.size(); k++) {
                summaries[from - 1 + k] = got.get(k);
            }
        }
    }

    private boolean matches(SearchKey key, int seq) {
        MessageRecord r = v.record(seq);
        return switch (key) {
            case SearchKey.All a -> true;
            case SearchKey.And a -> {
                for (SearchKey k : a.keys()) {
                    if (!matches(k, seq)) {
                        yield false;
                    }
                }
                yield true;
            }
            case SearchKey.Or o -> matches(o.left(), seq) || matches(o.right(), seq);
            case SearchKey.Not n -> !matches(n.key(), seq);
            case SearchKey.Flag f -> r.hasFlag(f.flag()) == f.present();
            case SearchKey.Recent rc -> (!s.extensions().rev2() && v.isRecent(r.uid())) == rc.present();
            case SearchKey.Sequence q -> q.set().saved() ? savedContains(seq) : q.set().contains(seq, v.count());
            case SearchKey.Uid u -> u.set().saved() ? savedContains(seq) : u.set().contains(r.uid(), v.maxUid());
            case SearchKey.Size z -> z.compare() == SearchKey.Compare.MORE ? r.size() > z.size() : r.size() < z.size();
            case SearchKey.InternalDate d -> compare(r.internalDate().atZone(ZoneOffset.UTC).toLocalDate(), d.date(),
                    d.compare());
            case SearchKey.SentDate d -> {
                MessageSummary m = summaries[seq - 1];
                LocalDate date = m == null ? null : m.sentDateTime().map(t -> t.toLocalDate()).orElse(null);
                if (date == null) {
                    date = r.internalDate().atZone(ZoneOffset.UTC).toLocalDate();
                }
                yield compare(date, d.date(), d.compare());
            }
            case SearchKey.Within w -> {
                Instant limit = Instant.now().minusSeconds(w.seconds());
                yield w.compare() == SearchKey.Compare.MORE ? !r.internalDate().isBefore(limit)
                        : r.internalDate().isBefore(limit);
            }
            case SearchKey.Header h -> header(seq, r, h.name(), h.value());
            case SearchKey.Body b -> text.get(key).contains(r.uid());
            case SearchKey.Text t -> text.get(key).contains(r.uid());
            case SearchKey.ModSeq m -> r.modSeq() >= m.modSeq();
        };
    }

    private boolean savedContains(int seq) {
        if (saved == null) {
            saved = v.resolve(dev.yubin.imap.protocol.SequenceSet.SAVED, dev.yubin.imap.command.NumberKind.UID);
        }
        return java.util.Arrays.binarySearch(saved, seq) >= 0;
    }

    private static boolean compare(LocalDate actual, LocalDate wanted, SearchKey.Compare c) {
        return switch (c) {
            case LESS -> actual.isBefore(wanted);
            case SAME -> actual.isEqual(wanted);
            case MORE -> !actual.isBefore(wanted); // SINCE: on or after (RFC 9051 §6.4.4)
        };
    }

    private boolean header(int seq, MessageRecord r, String name, String value) {
        MessageSummary m = summaries[seq - 1];
        String needle = value.toLowerCase(Locale.ROOT);
        if (m != null && MessageSummary.CACHED_HEADERS.contains(name)) {
            String h = m.header(name).orElse(null);
            if (h == null) {
                return false;
            }
            return needle.isEmpty() || decode(h).toLowerCase(Locale.ROOT).contains(needle);
        }
        String raw = rawHeader(r, m, name);
        return raw != null && (needle.isEmpty() || decode(raw).toLowerCase(Locale.ROOT).contains(needle));
    }

    static String decode(String h) {
        if (h.indexOf("=?") < 0) {
            return h;
        }
        try {
            return DecoderUtil.decodeEncodedWords(h, DecodeMonitor.SILENT);
        } catch (RuntimeException e) {
            return h;
        }
    }

    /** A header not kept in the summary: read from the stored header section (bounded by its length). */
    private String rawHeader(MessageRecord r, MessageSummary m, String name) {
        long len = m == null ? Math.min(r.size(), 64 * 1024) : Math.min(m.headerLength(), 1024 * 1024);
        byte[] head;
        try (InputStream in = s.services().blobs().open(r.blob())) {
            head = in.readNBytes((int) len);
        } catch (IOException e) {
            return null;
        }
        byte[] field = BodySections.filterHeader(head, List.of(name), false);
        if (field.length <= 2) {
            return null;
        }
        String text = new String(field, StandardCharsets.UTF_8);
        int colon = text.indexOf(':');
        return text.substring(colon + 1).replaceAll("\r?\n[ \t]", " ").strip();
    }
}
