package dev.yubin.imap.command;

import dev.yubin.imap.protocol.ImapParser;
import dev.yubin.imap.protocol.ParseException;

/** {@code SETQUOTA root (resource limit ...)} (RFC 9208 §4.3.3); parsed so it can be refused cleanly. */
public record SetQuotaCommand(String root) implements Command {
    @Override
    public Allowed allowed() {
        return Allowed.AUTHENTICATED;
    }

    static SetQuotaCommand parse(ImapParser p) throws ParseException {
        p.sp();
        String root = p.astring();
        p.sp();
        p.enterList();
        while (!p.leaveList()) {
            p.tryChar(' ');
            p.atom();
            p.sp();
            p.number();
        }
        p.end();
        return new SetQuotaCommand(root);
    }
}
