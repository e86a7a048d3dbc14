package dev.yubin.imap.command;

import dev.yubin.imap.protocol.ImapParser;
import dev.yubin.imap.protocol.ParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Parses {@code search-key} (RFC 9051 §6.4.4 / §9). */
final class SearchParser {
    private SearchParser() {
    }

    /** One or more keys separated by spaces, up to the end of the command or a ')'. */
    static SearchKey keys(ImapParser p) throws ParseException {
        List<SearchKey> keys = new ArrayList<>();
        keys.add(key(p));
        while (p.tryChar(' ')) {
            keys.add(key(p));
        }
        return keys.size() == 1 ? keys.get(0) : new SearchKey.And(keys);
    }

    static SearchKey key(ImapParser p) throws ParseException {
        if (p.peekIs('(')) {
            p.enterList();
            SearchKey k = keys(p);
            p.expect(')');
            p.unnest();
            return k;
        }
        if (p.peekSequenceSet()) {
            return new SearchKey.Sequence(p.sequenceSet());
        }
        String k = p.keyword();
        switch (k) {
            case "ALL" -> {
                return new SearchKey.All();
            }
            case "ANSWERED", "DELETED", "DRAFT", "FLAGGED", "SEEN" -> {
                return new SearchKey.Flag(systemFlag(k), true);
            }
            case "UNANSWERED", "UNDELETED", "UNDRAFT", "UNFLAGGED", "UNSEEN" -> {
                return new SearchKey.Flag(systemFlag(k.substring(2)), false);
            }
            case "KEYWORD", "UNKEYWORD" -> {
                p.sp();
                return new SearchKey.Flag(p.flag(), k.equals("KEYWORD"));
            }
            case "RECENT" -> {
                return new SearchKey.Recent(true);
            }
            case "OLD" -> {
                return new SearchKey.Recent(false);
            }
            case "NEW" -> {
                return new SearchKey.And(List.of(new SearchKey.Recent(true), new SearchKey.Flag("\\Seen", false)));
            }
            case "NOT" -> {
                p.sp();
                p.nest();
                SearchKey inner = key(p);
                p.unnest();
                return new SearchKey.Not(inner);
            }
            case "OR" -> {
                p.sp();
                p.nest();
                SearchKey a = key(p);
                p.sp();
                SearchKey b = key(p);
                p.unnest();
                return new SearchKey.Or(a, b);
            }
            case "UID" -> {
                p.sp();
                return new SearchKey.Uid(p.sequenceSet());
            }
            case "LARGER", "SMALLER" -> {
                p.sp();
                return new SearchKey.Size(k.equals("LARGER") ? SearchKey.Compare.MORE : SearchKey.Compare.LESS,
                        p.number());
            }
            case "BEFORE", "ON", "SINCE" -> {
                p.sp();
                return new SearchKey.InternalDate(compare(k), p.date());
            }
            case "SENTBEFORE", "SENTON", "SENTSINCE" -> {
                p.sp();
                return new SearchKey.SentDate(compare(k.substring(4)), p.date());
            }
            case "OLDER", "YOUNGER" -> {
                p.sp();
                return new SearchKey.Within(k.equals("OLDER") ? SearchKey.Compare.LESS : SearchKey.Compare.MORE,
                        p.nzNumber());
            }
            case "FROM", "TO", "CC", "BCC", "SUBJECT" -> {
                p.sp();
                return new SearchKey.Header(k.toLowerCase(Locale.ROOT), p.astring());
            }
            case "HEADER" -> {
                p.sp();
                String name = p.astring();
                p.sp();
                return new SearchKey.Header(name.toLowerCase(Locale.ROOT), p.astring());
            }
            case "BODY" -> {
                p.sp();
                return new SearchKey.Body(p.astring());
            }
            case "TEXT" -> {
                p.sp();
                return new SearchKey.Text(p.astring());
            }
            case "MODSEQ" -> {
                p.sp();
                if (p.peekIs('"')) {
                    // RFC 7162 §3.1.5: entry-name entry-type-req
                    p.string();
                    p.sp();
                    p.keyword();
                    p.sp();
                }
                return new SearchKey.ModSeq(p.number());
            }
            default -> throw new ParseException("Unknown search key " + k);
        }
    }

    private static SearchKey.Compare compare(String k) {
        return switch (k) {
            case "BEFORE" -> SearchKey.Compare.LESS;
            case "ON" -> SearchKey.Compare.SAME;
            default -> SearchKey.Compare.MORE;
        };
    }

    private static String systemFlag(String k) {
        return "\\" + k.charAt(0) + k.substring(1).toLowerCase(Locale.ROOT);
    }
}
