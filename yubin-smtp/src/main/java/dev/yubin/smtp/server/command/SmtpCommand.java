package dev.yubin.smtp.server.command;

import dev.yubin.smtp.server.SmtpSession;
import java.io.IOException;

/**
 * One SMTP command: parsing its arguments into a record is separate from executing it, so
 * parsers are pure functions that tests (and fuzzers) drive directly.
 *
 * @param <A> the parsed arguments
 */
public interface SmtpCommand<A> {

    /** How long the command line may be. */
    enum LineLimit {
        /** RFC 5321 §4.5.3.1.4: 512 octets with CRLF. */
        COMMAND,
        /** MAIL/RCPT with extension parameters (RFC 1870 §3, RFC 3461 §4). */
        PARAMETERS
    }

    /** The command verb in upper case. */
    String verb();

    default LineLimit lineLimit() {
        return LineLimit.COMMAND;
    }

    /** Parses the text after the verb and one space ("" when none). */
    A parse(String arguments) throws SmtpSyntaxException;

    /** Runs the command: checks session state, acts, writes exactly one reply (or closes). */
    void execute(SmtpSession session, A arguments) throws IOException;
}
