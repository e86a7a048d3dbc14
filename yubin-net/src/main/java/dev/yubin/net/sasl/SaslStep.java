package dev.yubin.net.sasl;

import dev.yubin.store.User;

/**
 * What a {@link SaslMechanism} says after each client message. The bytes are raw: the protocol
 * base64-encodes challenges and decodes responses (RFC 4422 §4 leaves framing to the protocol).
 */
public sealed interface SaslStep {

    /** Send this challenge (possibly empty) and pass the client's answer to {@code next}. */
    record Challenge(byte[] data) implements SaslStep {
        public Challenge {
            data = data.clone();
        }
    }

    /**
     * Authenticated as {@code user}. {@code serverData} is the mechanism's final message
     * (SCRAM's {@code v=…}), empty when there is none. A protocol that cannot carry data with its
     * success reply (SMTP, IMAP, POP3 all may not) sends it as one more challenge, reads the
     * client's (empty) answer, and only then replies success (RFC 4954 §4, RFC 9051 §6.2.2,
     * RFC 5034 §4).
     */
    record Success(User user, byte[] serverData) implements SaslStep {
        public Success {
            serverData = serverData.clone();
        }

        public boolean hasServerData() {
            return serverData.length > 0;
        }
    }

    /**
     * The exchange failed.
     *
     * @param username the user name the client gave, "" if none yet (for per-user throttling)
     * @param detail for logs only, never sent to the client
     */
    record Failure(Reason reason, String username, String detail) implements SaslStep {
    }

    /** Why an exchange failed; each maps to one reply per protocol. */
    enum Reason {
        /** The client's message is not valid for the mechanism: IMAP BAD, SMTP 501 5.5.2, POP3 -ERR. */
        MALFORMED,
        /** Wrong user or password: IMAP NO [AUTHENTICATIONFAILED], SMTP 535 5.7.8, POP3 -ERR [AUTH]. Throttle. */
        INVALID_CREDENTIALS,
        /** Asked to act as another user: IMAP NO [AUTHORIZATIONFAILED], SMTP 535 5.7.8, POP3 -ERR [AUTH]. Throttle. */
        AUTHORIZATION_FAILED,
        /** Our side failed (directory down): IMAP NO [UNAVAILABLE], SMTP 454 4.7.0, POP3 -ERR [SYS/TEMP]. */
        UNAVAILABLE
    }
}
