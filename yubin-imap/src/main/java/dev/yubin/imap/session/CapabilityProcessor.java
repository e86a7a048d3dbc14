package dev.yubin.imap.session;

import java.io.IOException;

/** CAPABILITY (RFC 9051 §6.1.1). */
final class CapabilityProcessor {
    private CapabilityProcessor() {
    }

    static Result process(ImapSession s) throws IOException {
        s.out().ascii("* CAPABILITY ").ascii(Capabilities.of(s)).crlf();
        return Result.ok("CAPABILITY completed");
    }
}
