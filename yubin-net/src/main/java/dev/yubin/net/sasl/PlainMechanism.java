package dev.yubin.net.sasl;

import dev.yubin.core.EmailAddress;
import dev.yubin.net.auth.Authenticator;
import java.util.Optional;

/**
 * SASL PLAIN (RFC 4616): one message {@code [authzid] NUL authcid NUL passwd} in UTF-8. Only
 * authorisation as oneself is allowed (an empty authzid or the same address).
 */
final class PlainMechanism implements SaslMechanism {
    private final Authenticator authenticator;
    private boolean done;

    PlainMechanism(Authenticator authenticator) {
        this.authenticator = authenticator;
    }

    @Override
    public String name() {
        return SaslMechanisms.PLAIN;
    }

    @Override
    public SaslStep start(Optional<byte[]> initialResponse) {
        if (initialResponse.isEmpty()) {
            return new SaslStep.Challenge(new byte[0]); // RFC 4616 §2: empty challenge, then the message
        }
        return next(initialResponse.get());
    }

    @Override
    public SaslStep next(byte[] response) {
        if (done) {
            throw new IllegalStateException("PLAIN exchange already ended");
        }
        done = true;
        Optional<String> text = SaslText.utf8(response);
        if (text.isEmpty()) {
            return malformed("not UTF-8"); // RFC 4616 §2: UTF-8 strings
        }
        String[] parts = text.get().split("\0", -1);
        if (parts.length != 3) {
            return malformed("expected authzid NUL authcid NUL passwd");
        }
        String authzid = parts[0];
        String authcid = parts[1];
        String password = parts[2];
        if (authcid.isEmpty() || password.isEmpty()) {
            return malformed("empty authcid or password"); // RFC 4616 §2: 1*SAFE
        }
        if (!authzid.isEmpty() && !sameUser(authzid, authcid)) {
            return new SaslStep.Failure(SaslStep.Reason.AUTHORIZATION_FAILED, authcid,
                    "may not act as " + authzid);
        }
        return PasswordCheck.check(authenticator, authcid, password);
    }

    static boolean sameUser(String a, String b) {
        try {
            return EmailAddress.parse(a).canonical().equals(EmailAddress.parse(b).canonical());
        } catch (IllegalArgumentException e) {
            return a.equals(b);
        }
    }

    private static SaslStep malformed(String detail) {
        return new SaslStep.Failure(SaslStep.Reason.MALFORMED, "", detail);
    }
}
