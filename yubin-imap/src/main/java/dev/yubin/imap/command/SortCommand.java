package dev.yubin.imap.command;

import dev.yubin.imap.protocol.ImapParser;
import dev.yubin.imap.protocol.ParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** {@code [UID] SORT [RETURN (...)] (criteria) charset keys} (RFC 5256 §3, ESORT RFC 5267). */
public record SortCommand(NumberKind kind, Optional<Set<SearchCommand.ReturnOption>> returns,
                          List<Criterion> criteria, String charset, SearchKey key) implements Command {

    public enum Key { ARRIVAL, CC, DATE, FROM, SIZE, SUBJECT, TO, DISPLAYFROM, DISPLAYTO }

    /** One sort criterion, possibly reversed. */
    public record Criterion(Key key, boolean reverse) {
    }

    public SortCommand {
        criteria = List.copyOf(criteria);
    }

    @Override
    public Allowed allowed() {
        return Allowed.SELECTED;
    }

    @Override
    public boolean expungeAllowed() {
        return kind == NumberKind.UID;
    }

    static SortCommand parse(ImapParser p, NumberKind kind) throws ParseException {
        p.sp();
        Optional<Set<SearchCommand.ReturnOption>> returns = Optional.empty();
        if (p.tryWord("RETURN")) {
            p.sp();
            returns = Optional.of(SearchCommand.returnOptions(p));
            p.sp();
        }
        List<Criterion> criteria = new ArrayList<>();
        p.enterList();
        boolean reverse = false;
        while (!p.leaveList()) {
            p.tryChar(' ');
            String k = p.keyword();
            if (k.equals("REVERSE")) {
                reverse = true;
                continue;
            }
            try {
                criteria.add(new Criterion(Key.valueOf(k), reverse));
            } catch (IllegalArgumentException e) {
                throw new ParseException("Unknown sort key " + k);
            }
            reverse = false;
        }
        if (criteria.isEmpty()) {
            throw new ParseException("SORT needs criteria");
        }
        p.sp();
        String charset = p.astring();
        p.sp();
        SearchKey key = SearchParser.keys(p);
        p.end();
        return new SortCommand(kind, returns, criteria, charset, key);
    }
}
