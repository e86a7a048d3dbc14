package dev.yubin.imap.session;

import dev.yubin.store.User;
import java.net.InetAddress;

/** Checks a user name and password (LOGIN, AUTHENTICATE PLAIN/LOGIN), with any delays it imposes. */
public interface Logins {

    /** Outcome of a password check. */
    sealed interface Outcome {
        record Accepted(User user) implements Outcome {
        }

        record Rejected() implements Outcome {
        }

        /** The directory could not be asked: a temporary failure. */
        record Unavailable() implements Outcome {
        }
    }

    Outcome login(String username, String password, InetAddress client);
}
