package dev.yubin.imap.command;

import dev.yubin.imap.protocol.ImapParser;
import dev.yubin.imap.protocol.ParseException;
import dev.yubin.imap.protocol.SequenceSet;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code [UID] FETCH set items [(CHANGEDSINCE n [VANISHED])]} (RFC 9051 §6.4.5, RFC 7162 §3.1.4.1
 * and §3.2.6).
 *
 * @param changedSince RFC 7162 CHANGEDSINCE, or -1
 */
public record FetchCommand(NumberKind kind, SequenceSet set, List<FetchItem> items, long changedSince,
                           boolean vanished) implements Command {
    public FetchCommand {
        items = List.copyOf(items);
    }

    @Override
    public Allowed allowed() {
        return Allowed.SELECTED;
    }

    @Override
    public boolean expungeAllowed() {
        return kind == NumberKind.UID; // RFC 9051 §7.5.1
    }

    static FetchCommand parse(ImapParser p, NumberKind kind) throws ParseException {
        p.sp();
        SequenceSet set = p.sequenceSet();
        p.sp();
        List<FetchItem> items = new ArrayList<>();
        if (p.peekIs('(')) {
            p.enterList();
            while (!p.leaveList()) {
                if (!items.isEmpty()) {
                    p.sp();
                }
                items.add(FetchItemParser.item(p));
            }
            if (items.isEmpty()) {
                throw new ParseException("Empty FETCH item list");
            }
        } else {
            String k = peekMacro(p);
            switch (k) {
                case "ALL" -> items.addAll(List.of(FetchItem.Simple.FLAGS, FetchItem.Simple.INTERNALDATE,
                        FetchItem.Simple.RFC822_SIZE, FetchItem.Simple.ENVELOPE));
                case "FAST" -> items.addAll(List.of(FetchItem.Simple.FLAGS, FetchItem.Simple.INTERNALDATE,
                        FetchItem.Simple.RFC822_SIZE));
                case "FULL" -> items.addAll(List.of(FetchItem.Simple.FLAGS, FetchItem.Simple.INTERNALDATE,
                        FetchItem.Simple.RFC822_SIZE, FetchItem.Simple.ENVELOPE, FetchItem.Simple.BODY));
                default -> items.add(FetchItemParser.item(p));
            }
        }
        long changedSince = -1;
        boolean vanished = false;
        if (p.tryChar(' ')) {
            p.enterList();
            while (!p.leaveList()) {
                p.tryChar(' ');
                String mod = p.keyword();
                switch (mod) {
                    case "CHANGEDSINCE" -> {
                        p.sp();
                        changedSince = p.number();
                    }
                    case "VANISHED" -> vanished = true;
                    default -> throw new ParseException("Unknown FETCH modifier " + mod);
                }
            }
            if (vanished && (kind != NumberKind.UID || changedSince < 0)) {
                throw new ParseException("VANISHED needs UID FETCH with CHANGEDSINCE"); // RFC 7162 §3.2.6
            }
        }
        p.end();
        return new FetchCommand(kind, set, items, changedSince, vanished);
    }

    private static String peekMacro(ImapParser p) {
        for (String m : List.of("ALL", "FAST", "FULL")) {
            if (p.tryWord(m)) {
                return m;
            }
        }
        return "";
    }
}
