package dev.yubin.net.auth;

import dev.yubin.store.User;

/** Outcome of checking a user name and password. */
public sealed interface LoginResult {

    /** The password is right. */
    record Authenticated(User user) implements LoginResult {
    }

    /**
     * Wrong user name or password (deliberately not said which): IMAP {@code NO
     * [AUTHENTICATIONFAILED]}, POP3 {@code -ERR [AUTH]}, SMTP {@code 535 5.7.8}.
     */
    record Rejected(String username) implements LoginResult {
    }

    /**
     * The directory could not be read (our fault, temporary): IMAP {@code NO [UNAVAILABLE]},
     * POP3 {@code -ERR [SYS/TEMP]}, SMTP {@code 454 4.7.0}.
     */
    record Unavailable(String reason) implements LoginResult {
    }
}
