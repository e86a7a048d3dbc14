package dev.yubin.pop3;

import java.io.IOException;
import java.util.Set;

/**
 * {@code STLS} (RFC 2595 §4): starts TLS in the AUTHORIZATION state. Everything the client sent
 * after STLS and before the handshake is discarded, never executed (CVE-2011-0411); a USER name
 * given before is forgotten.
 */
record StlsCommand() implements Pop3Command {
    @Override
    public Set<Pop3State> states() {
        return Pop3State.AUTH_ONLY;
    }

    @Override
    public void execute(Pop3Session s) throws IOException {
        if (s.connection().isSecure()) {
            s.reply(Pop3Reply.STLS_ACTIVE);
            return;
        }
        if (s.server().tls().isEmpty()) {
            s.reply(Pop3Reply.STLS_UNAVAILABLE);
            return;
        }
        s.reply(Pop3Reply.STLS_GO);
        s.connection().startTls(s.server().tls().get().serverContext()); // flushes, then discards buffered input
        s.setPendingUser(null);
    }
}
