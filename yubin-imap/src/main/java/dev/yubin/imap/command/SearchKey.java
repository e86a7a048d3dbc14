package dev.yubin.imap.command;

import dev.yubin.imap.protocol.SequenceSet;
import java.time.LocalDate;
import java.util.List;

/** A SEARCH criterion tree (RFC 9051 §6.4.4, MODSEQ RFC 7162 §3.1.5, WITHIN RFC 5032). */
public sealed interface SearchKey {
    record All() implements SearchKey {
    }

    record And(List<SearchKey> keys) implements SearchKey {
        public And {
            keys = List.copyOf(keys);
        }
    }

    record Or(SearchKey left, SearchKey right) implements SearchKey {
    }

    record Not(SearchKey key) implements SearchKey {
    }

    /** Has (or, with {@code present == false}, lacks) a flag or keyword. */
    record Flag(String flag, boolean present) implements SearchKey {
    }

    /** {@code \Recent} (rev1 only; never true in rev2). */
    record Recent(boolean present) implements SearchKey {
    }

    record Sequence(SequenceSet set) implements SearchKey {
    }

    record Uid(SequenceSet set) implements SearchKey {
    }

    enum Compare { LESS, SAME, MORE }

    /** LARGER (MORE) / SMALLER (LESS) than {@code size}. */
    record Size(Compare compare, long size) implements SearchKey {
    }

    /** BEFORE (LESS) / ON (SAME) / SINCE (MORE or same) on the internal date. */
    record InternalDate(Compare compare, LocalDate date) implements SearchKey {
    }

    /** SENTBEFORE / SENTON / SENTSINCE on the Date: header. */
    record SentDate(Compare compare, LocalDate date) implements SearchKey {
    }

    /** OLDER (LESS) / YOUNGER (MORE) than {@code seconds} ago, by internal date. */
    record Within(Compare compare, long seconds) implements SearchKey {
    }

    /** HEADER name value (and FROM, TO, CC, BCC, SUBJECT). */
    record Header(String name, String value) implements SearchKey {
    }

    /** BODY text: full-text index. */
    record Body(String text) implements SearchKey {
    }

    /** TEXT text: full-text index (header and body). */
    record Text(String text) implements SearchKey {
    }

    record ModSeq(long modSeq) implements SearchKey {
    }
}
