package dev.yubin.imap.command;

import dev.yubin.imap.protocol.ImapParser;
import dev.yubin.imap.protocol.ParseException;
import dev.yubin.imap.protocol.SequenceSet;

/** {@code [UID] MOVE set mailbox} (RFC 9051 §6.4.8, RFC 6851). */
public record MoveCommand(NumberKind kind, SequenceSet set, String mailbox) implements Command {
    @Override
    public Allowed allowed() {
        return Allowed.SELECTED;
    }

    static MoveCommand parse(ImapParser p, NumberKind kind) throws ParseException {
        p.sp();
        SequenceSet set = p.sequenceSet();
        p.sp();
        String m = p.astring();
        p.end();
        return new MoveCommand(kind, set, m);
    }
}
