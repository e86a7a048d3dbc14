package dev.yubin.imap.command;

import dev.yubin.imap.protocol.ImapParser;
import dev.yubin.imap.protocol.ParseException;

/** {@code RENAME existing new} (RFC 9051 §6.3.6). */
public record RenameCommand(String from, String to) implements Command {
    @Override
    public Allowed allowed() {
        return Allowed.AUTHENTICATED;
    }

    static RenameCommand parse(ImapParser p) throws ParseException {
        p.sp();
        String from = p.astring();
        p.sp();
        String to = p.astring();
        p.end();
        return new RenameCommand(from, to);
    }
}
