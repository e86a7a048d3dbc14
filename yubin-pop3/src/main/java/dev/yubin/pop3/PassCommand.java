package dev.yubin.pop3;

import dev.yubin.net.auth.LoginResult;
import java.io.IOException;
import java.util.Set;

/**
 * {@code PASS string} (RFC 1939 §7): the password for the USER name; on success the maildrop is
 * locked and the session enters TRANSACTION. A failure is delayed by the shared login throttle
 * and answered {@code -ERR [AUTH]} (RFC 3206 §4); the USER name must then be given again.
 */
record PassCommand(String password) implements Pop3Command {
    @Override
    public Set<Pop3State> states() {
        return Pop3State.AUTH_ONLY;
    }

    @Override
    public void execute(Pop3Session s) throws IOException {
        if (s.pendingUser().isEmpty()) {
            s.reply(Pop3Reply.USER_FIRST);
            return;
        }
        String name = s.pendingUser().get();
        s.setPendingUser(null);
        if (!s.server().sasl().passwordsAllowed(s.channel())) {
            s.reply(Pop3Reply.CLEARTEXT_DISALLOWED);
            return;
        }
        if (!s.mayAttemptLogin()) {
            return;
        }
        switch (s.server().authenticator().login(name, password)) {
            case LoginResult.Authenticated a -> s.loginSucceeded(a.user());
            case LoginResult.Rejected r -> s.loginFailed(name);
            case LoginResult.Unavailable u -> s.reply(Pop3Reply.TEMP_FAILURE);
        }
    }

    @Override
    public String toString() {
        return "PassCommand[password=***]"; // never log a password
    }
}
