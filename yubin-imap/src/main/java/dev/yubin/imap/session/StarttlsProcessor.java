package dev.yubin.imap.session;

import java.io.IOException;

/**
 * STARTTLS (RFC 9051 §6.2.1): the OK is flushed, then the handshake runs; anything the client
 * pipelined after the command is discarded (RFC 9051 §11.1, CVE-2011-0411).
 */
final class StarttlsProcessor {
    private StarttlsProcessor() {
    }

    static Result process(ImapSession s, String tag) throws IOException {
        if (s.connection().isSecure()) {
            return Responses.TLS_ACTIVE;
        }
        if (s.services().tls().isEmpty()) {
            return Responses.TLS_UNAVAILABLE;
        }
        s.tagged(tag, Result.ok("Begin TLS negotiation now"));
        s.out().flush();
        s.connection().startTls(s.services().tls().get());
        s.afterTls();
        return null; // already answered
    }
}
