package dev.yubin.imap.command;

import dev.yubin.imap.protocol.ImapParser;
import dev.yubin.imap.protocol.ParseException;

/** {@code UNSUBSCRIBE mailbox} (RFC 9051 §6.3.8). */
public record UnsubscribeCommand(String mailbox) implements Command {
    @Override
    public Allowed allowed() {
        return Allowed.AUTHENTICATED;
    }

    static UnsubscribeCommand parse(ImapParser p) throws ParseException {
        p.sp();
        String m = p.astring();
        p.end();
        return new UnsubscribeCommand(m);
    }
}
