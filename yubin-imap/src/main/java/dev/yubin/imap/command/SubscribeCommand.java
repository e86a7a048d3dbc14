package dev.yubin.imap.command;

import dev.yubin.imap.protocol.ImapParser;
import dev.yubin.imap.protocol.ParseException;

/** {@code SUBSCRIBE mailbox} (RFC 9051 §6.3.7). */
public record SubscribeCommand(String mailbox) implements Command {
    @Override
    public Allowed allowed() {
        return Allowed.AUTHENTICATED;
    }

    static SubscribeCommand parse(ImapParser p) throws ParseException {
        p.sp();
        String m = p.astring();
        p.end();
        return new SubscribeCommand(m);
    }
}
