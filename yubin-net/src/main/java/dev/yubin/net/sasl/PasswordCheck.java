package dev.yubin.net.sasl;

import dev.yubin.net.auth.Authenticator;
import dev.yubin.net.auth.LoginResult;

/** Turns an {@link Authenticator} answer into the final {@link SaslStep} of PLAIN and LOGIN. */
final class PasswordCheck {
    private PasswordCheck() {
    }

    static SaslStep check(Authenticator authenticator, String username, String password) {
        return switch (authenticator.login(username, password)) {
            case LoginResult.Authenticated a -> new SaslStep.Success(a.user(), new byte[0]);
            case LoginResult.Rejected r -> new SaslStep.Failure(SaslStep.Reason.INVALID_CREDENTIALS, username,
                    "wrong user name or password");
            case LoginResult.Unavailable u -> new SaslStep.Failure(SaslStep.Reason.UNAVAILABLE, username, u.reason());
        };
    }
}
