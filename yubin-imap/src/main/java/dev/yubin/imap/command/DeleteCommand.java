package dev.yubin.imap.command;

import dev.yubin.imap.protocol.ImapParser;
import dev.yubin.imap.protocol.ParseException;

/** {@code DELETE mailbox} (RFC 9051 §6.3.4). */
public record DeleteCommand(String mailbox) implements Command {
    @Override
    public Allowed allowed() {
        return Allowed.AUTHENTICATED;
    }

    static DeleteCommand parse(ImapParser p) throws ParseException {
        p.sp();
        String m = p.astring();
        p.end();
        return new DeleteCommand(m);
    }
}
