package dev.yubin.imap.command;

import dev.yubin.imap.protocol.ImapParser;
import dev.yubin.imap.protocol.ParseException;
import java.util.Locale;

/** {@code [UID] THREAD algorithm charset keys} (RFC 5256 §3: REFERENCES, ORDEREDSUBJECT). */
public record ThreadCommand(NumberKind kind, Algorithm algorithm, String charset, SearchKey key) implements Command {

    public enum Algorithm { REFERENCES, ORDEREDSUBJECT }

    @Override
    public Allowed allowed() {
        return Allowed.SELECTED;
    }

    @Override
    public boolean expungeAllowed() {
        return kind == NumberKind.UID;
    }

    static ThreadCommand parse(ImapParser p, NumberKind kind) throws ParseException {
        p.sp();
        String a = p.keyword();
        Algorithm alg;
        try {
            alg = Algorithm.valueOf(a.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ParseException("Unknown thread algorithm " + a);
        }
        p.sp();
        String charset = p.astring();
        p.sp();
        SearchKey key = SearchParser.keys(p);
        p.end();
        return new ThreadCommand(kind, alg, charset, key);
    }
}
