package dev.yubin.imap.command;

import dev.yubin.imap.protocol.ImapParser;
import dev.yubin.imap.protocol.ParseException;

/** {@code LSUB reference pattern} (RFC 3501 §6.3.9; deprecated by RFC 9051 but still answered). */
public record LsubCommand(String reference, String pattern) implements Command {
    @Override
    public Allowed allowed() {
        return Allowed.AUTHENTICATED;
    }

    static LsubCommand parse(ImapParser p) throws ParseException {
        p.sp();
        String ref = p.listMailbox();
        p.sp();
        String pat = p.listMailbox();
        p.end();
        return new LsubCommand(ref, pat);
    }
}
