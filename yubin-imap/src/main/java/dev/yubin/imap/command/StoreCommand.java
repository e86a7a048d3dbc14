package dev.yubin.imap.command;

import dev.yubin.imap.protocol.ImapParser;
import dev.yubin.imap.protocol.ParseException;
import dev.yubin.imap.protocol.SequenceSet;
import dev.yubin.store.FlagChange;
import java.util.List;

/**
 * {@code [UID] STORE set [(UNCHANGEDSINCE n)] [+|-]FLAGS[.SILENT] flags} (RFC 9051 §6.4.6, RFC 7162
 * §3.1.3).
 *
 * @param unchangedSince RFC 7162 UNCHANGEDSINCE, or -1
 */
public record StoreCommand(NumberKind kind, SequenceSet set, long unchangedSince, FlagChange.Mode mode,
                           boolean silent, List<String> flags) implements Command {
    public StoreCommand {
        flags = List.copyOf(flags);
    }

    @Override
    public Allowed allowed() {
        return Allowed.SELECTED;
    }

    @Override
    public boolean expungeAllowed() {
        return kind == NumberKind.UID; // RFC 9051 §7.5.1
    }

    static StoreCommand parse(ImapParser p, NumberKind kind) throws ParseException {
        p.sp();
        SequenceSet set = p.sequenceSet();
        p.sp();
        long unchangedSince = -1;
        if (p.peekIs('(')) {
            p.enterList();
            while (!p.leaveList()) {
                p.tryChar(' ');
                String mod = p.keyword();
                if (!mod.equals("UNCHANGEDSINCE")) {
                    throw new ParseException("Unknown STORE modifier " + mod);
                }
                p.sp();
                unchangedSince = p.number();
            }
            p.sp();
        }
        FlagChange.Mode mode = FlagChange.Mode.REPLACE;
        if (p.tryChar('+')) {
            mode = FlagChange.Mode.ADD;
        } else if (p.tryChar('-')) {
            mode = FlagChange.Mode.REMOVE;
        }
        String item = p.keyword();
        boolean silent;
        switch (item) {
            case "FLAGS" -> silent = false;
            case "FLAGS.SILENT" -> silent = true;
            default -> throw new ParseException("Unknown STORE item " + item);
        }
        p.sp();
        List<String> flags = p.flagsAnyForm();
        p.end();
        return new StoreCommand(kind, set, unchangedSince, mode, silent, flags);
    }
}
