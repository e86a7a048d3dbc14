package dev.yubin.imap.command;

import dev.yubin.imap.protocol.ImapParser;
import dev.yubin.imap.protocol.ParseException;
import dev.yubin.imap.protocol.SequenceSet;

/** {@code [UID] COPY set mailbox} (RFC 9051 §6.4.7, COPYUID RFC 4315 §3). */
public record CopyCommand(NumberKind kind, SequenceSet set, String mailbox) implements Command {
    @Override
    public Allowed allowed() {
        return Allowed.SELECTED;
    }

    static CopyCommand parse(ImapParser p, NumberKind kind) throws ParseException {
        p.sp();
        SequenceSet set = p.sequenceSet();
        p.sp();
        String m = p.astring();
        p.end();
        return new CopyCommand(kind, set, m);
    }
}
