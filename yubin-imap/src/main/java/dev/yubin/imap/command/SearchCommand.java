package dev.yubin.imap.command;

import dev.yubin.imap.protocol.ImapParser;
import dev.yubin.imap.protocol.ParseException;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * {@code [UID] SEARCH [RETURN (options)] [CHARSET c] keys} (RFC 9051 §6.4.4, ESEARCH RFC 4731,
 * SEARCHRES RFC 5182).
 *
 * @param returns RETURN options; empty when the client used the classic form
 */
public record SearchCommand(NumberKind kind, Optional<Set<ReturnOption>> returns, String charset, SearchKey key)
        implements Command {

    /** ESEARCH result options (RFC 4731 §3.1, RFC 5182 SAVE). */
    public enum ReturnOption { MIN, MAX, ALL, COUNT, SAVE }

    @Override
    public Allowed allowed() {
        return Allowed.SELECTED;
    }

    @Override
    public boolean expungeAllowed() {
        return kind == NumberKind.UID; // RFC 9051 §7.5.1
    }

    static SearchCommand parse(ImapParser p, NumberKind kind) throws ParseException {
        p.sp();
        Optional<Set<ReturnOption>> returns = Optional.empty();
        if (p.tryWord("RETURN")) {
            p.sp();
            returns = Optional.of(returnOptions(p));
            p.sp();
        }
        String charset = charset(p);
        SearchKey key = SearchParser.keys(p);
        p.end();
        return new SearchCommand(kind, returns, charset, key);
    }

    static String charset(ImapParser p) throws ParseException {
        if (p.tryWord("CHARSET")) {
            p.sp();
            String c = p.astring().toUpperCase(Locale.ROOT);
            p.sp();
            return c;
        }
        return "UTF-8";
    }

    static Set<ReturnOption> returnOptions(ImapParser p) throws ParseException {
        Set<ReturnOption> set = EnumSet.noneOf(ReturnOption.class);
        p.enterList();
        while (!p.leaveList()) {
            p.tryChar(' ');
            String o = p.keyword();
            try {
                set.add(ReturnOption.valueOf(o));
            } catch (IllegalArgumentException e) {
                throw new ParseException("Unknown RETURN option " + o);
            }
        }
        if (set.isEmpty()) {
            set.add(ReturnOption.ALL); // RFC 4731 §3.1: RETURN () means ALL
        }
        return set;
    }
}
