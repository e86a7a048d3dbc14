package dev.yubin.imap.session;

import java.io.IOException;

/** LOGOUT (RFC 9051 §6.1.3): untagged BYE, then the tagged OK, then close. */
final class LogoutProcessor {
    private LogoutProcessor() {
    }

    static Result process(ImapSession s) throws IOException {
        s.out().ascii("* BYE Logging out").crlf();
        s.logout();
        return Result.ok("LOGOUT completed");
    }
}
