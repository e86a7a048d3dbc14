package dev.yubin.net.sasl;

import dev.yubin.net.auth.Authenticator;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * SASL LOGIN (draft-murchison-sasl-login-00, obsolete but used by Outlook and many devices):
 * challenge {@code Username:}, answer the user name; challenge {@code Password:}, answer the
 * password. An initial response, when sent, is the user name.
 */
final class LoginMechanism implements SaslMechanism {
    private static final byte[] USERNAME = "Username:".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] PASSWORD = "Password:".getBytes(StandardCharsets.US_ASCII);

    private final Authenticator authenticator;
    private String username;
    private boolean done;

    LoginMechanism(Authenticator authenticator) {
        this.authenticator = authenticator;
    }

    @Override
    public String name() {
        return SaslMechanisms.LOGIN;
    }

    @Override
    public SaslStep start(Optional<byte[]> initialResponse) {
        if (initialResponse.isEmpty() || initialResponse.get().length == 0) {
            return new SaslStep.Challenge(USERNAME);
        }
        return next(initialResponse.get());
    }

    @Override
    public SaslStep next(byte[] response) {
        if (done) {
            throw new IllegalStateException("LOGIN exchange already ended");
        }
        Optional<String> text = SaslText.utf8(response);
        if (text.isEmpty() || text.get().indexOf('\0') >= 0) {
            done = true;
            return new SaslStep.Failure(SaslStep.Reason.MALFORMED, username == null ? "" : username,
                    "not UTF-8 or contains NUL");
        }
        if (username == null) {
            if (text.get().isEmpty()) {
                done = true;
                return new SaslStep.Failure(SaslStep.Reason.MALFORMED, "", "empty user name");
            }
            username = text.get();
            return new SaslStep.Challenge(PASSWORD);
        }
        done = true;
        if (text.get().isEmpty()) {
            return new SaslStep.Failure(SaslStep.Reason.INVALID_CREDENTIALS, username, "empty password");
        }
        return PasswordCheck.check(authenticator, username, text.get());
    }
}
