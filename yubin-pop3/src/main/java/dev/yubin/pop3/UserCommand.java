package dev.yubin.pop3;

import java.io.IOException;
import java.util.Set;

/**
 * {@code USER name} (RFC 1939 §7): names the user whose password PASS gives. Refused where the
 * cleartext policy forbids passwords without TLS (RFC 2595 §4; RFC 8314 §3.2).
 */
record UserCommand(String name) implements Pop3Command {
    @Override
    public Set<Pop3State> states() {
        return Pop3State.AUTH_ONLY;
    }

    @Override
    public void execute(Pop3Session s) throws IOException {
        if (!s.server().sasl().passwordsAllowed(s.channel())) {
            s.reply(Pop3Reply.CLEARTEXT_DISALLOWED);
            return;
        }
        s.setPendingUser(name);
        s.reply(Pop3Reply.USER_OK);
    }
}
