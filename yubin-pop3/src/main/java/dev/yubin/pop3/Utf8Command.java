package dev.yubin.pop3;

import java.io.IOException;
import java.util.Set;

/**
 * {@code UTF8} (RFC 6856 §2): the client accepts UTF-8 in messages and responses. Messages are
 * always sent as stored (unmodified), and USER/PASS/AUTH take UTF-8 names at any time, so this
 * only acknowledges the mode. Valid in the AUTHORIZATION state only (RFC 6856 §2).
 */
record Utf8Command() implements Pop3Command {
    @Override
    public Set<Pop3State> states() {
        return Pop3State.AUTH_ONLY;
    }

    @Override
    public void execute(Pop3Session s) throws IOException {
        s.enableUtf8();
        s.reply(Pop3Reply.UTF8_OK);
    }
}
