package dev.yubin.imap.session;

import java.io.IOException;

/** LOGIN (RFC 9051 §6.2.3); refused without TLS unless allowed (LOGINDISABLED, RFC 9051 §11.1). */
final class LoginProcessor {
    private LoginProcessor() {
    }

    static Result process(ImapSession s, dev.yubin.imap.command.LoginCommand c) throws IOException {
        if (!s.cleartextAllowed()) {
            return Responses.PRIVACY_REQUIRED;
        }
        return Authentication.complete(s, s.services().logins().login(c.user(), c.password(),
                s.connection().remoteAddress()));
    }
}
