package dev.yubin.smtp.server.command;

import dev.yubin.smtp.server.SmtpReply;
import dev.yubin.smtp.server.SmtpSession;
import java.io.IOException;

/**
 * STARTTLS (RFC 3207 §4). Placeholder until TLS contexts are wired (issue 5): not advertised, and
 * answered {@code 454 4.7.0}; a second STARTTLS on a secure session gets {@code 554 5.5.1}.
 * When it is implemented: reply 220, flush, {@code Connection.startTls} (which discards pipelined
 * plaintext, CVE-2011-0411), then reset the session to the state before EHLO (RFC 3207 §4.2).
 */
public final class StartTlsCommand implements SmtpCommand<StartTlsCommand.Args> {

    public record Args() {
    }

    @Override
    public String verb() {
        return "STARTTLS";
    }

    @Override
    public Args parse(String arguments) throws SmtpSyntaxException {
        if (!arguments.isBlank()) {
            throw new SmtpSyntaxException(SmtpReply.SYNTAX.withText("Syntax: STARTTLS")); // RFC 3207 §4
        }
        return new Args();
    }

    @Override
    public void execute(SmtpSession session, Args args) throws IOException {
        if (session.connection().isSecure()) {
            session.reply(SmtpReply.ALREADY_TLS);
            return;
        }
        session.reply(SmtpReply.TLS_UNAVAILABLE);
    }
}
