package dev.yubin.imap.command;

import dev.yubin.imap.protocol.ImapParser;
import dev.yubin.imap.protocol.ParseException;

/** {@code LOGIN user password} (RFC 9051 §6.2.3). */
public record LoginCommand(String user, String password) implements Command {
    @Override
    public Allowed allowed() {
        return Allowed.NOT_AUTHENTICATED;
    }

    @Override
    public String toString() {
        return "LoginCommand[user=" + user + "]"; // never log the password
    }

    static LoginCommand parse(ImapParser p) throws ParseException {
        p.sp();
        String user = p.astring();
        p.sp();
        String pass = p.astring();
        p.end();
        return new LoginCommand(user, pass);
    }
}
