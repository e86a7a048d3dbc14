package dev.yubin.imap.command;

import dev.yubin.imap.protocol.ImapParser;
import dev.yubin.imap.protocol.ParseException;

/** {@code GETQUOTAROOT mailbox} (RFC 9208 §4.3.2). */
public record GetQuotaRootCommand(String mailbox) implements Command {
    @Override
    public Allowed allowed() {
        return Allowed.AUTHENTICATED;
    }

    static GetQuotaRootCommand parse(ImapParser p) throws ParseException {
        p.sp();
        String m = p.astring();
        p.end();
        return new GetQuotaRootCommand(m);
    }
}
