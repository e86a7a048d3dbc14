package dev.yubin.imap.command;

import dev.yubin.imap.protocol.ImapParser;
import dev.yubin.imap.protocol.ParseException;

/** {@code GETQUOTA root} (RFC 9208 §4.3.1). */
public record GetQuotaCommand(String root) implements Command {
    @Override
    public Allowed allowed() {
        return Allowed.AUTHENTICATED;
    }

    static GetQuotaCommand parse(ImapParser p) throws ParseException {
        p.sp();
        String m = p.astring();
        p.end();
        return new GetQuotaCommand(m);
    }
}
