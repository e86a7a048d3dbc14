package dev.yubin.imap.command;

import dev.yubin.imap.protocol.ImapParser;
import dev.yubin.imap.protocol.ParseException;

/** {@code COMPRESS DEFLATE} (RFC 4978 §3). */
public record CompressCommand(String mechanism) implements Command {
    @Override
    public Allowed allowed() {
        return Allowed.AUTHENTICATED;
    }

    static CompressCommand parse(ImapParser p) throws ParseException {
        p.sp();
        String m = p.keyword();
        p.end();
        return new CompressCommand(m);
    }
}
