package dev.yubin.imap.session;

import java.io.IOException;

/** NAMESPACE (RFC 9051 §6.3.10): one personal namespace, "/" as separator, no shared folders. */
final class NamespaceProcessor {
    private NamespaceProcessor() {
    }

    static Result process(ImapSession s) throws IOException {
        s.out().ascii("* NAMESPACE ((\"\" \"/\")) NIL NIL").crlf();
        return Result.ok("NAMESPACE completed");
    }
}
