package dev.yubin.smtp.server.command;

import dev.yubin.smtp.server.ClientInfo;
import dev.yubin.smtp.server.SmtpReply;
import dev.yubin.smtp.server.SmtpSession;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * EHLO (RFC 5321 §4.1.1.1): the client names itself; the reply lists the service extensions.
 * Resets any transaction (RFC 5321 §4.1.4). Extensions: PIPELINING (RFC 2920), SIZE (RFC 1870),
 * ENHANCEDSTATUSCODES (RFC 2034), 8BITMIME (RFC 6152), DSN (RFC 3461), SMTPUTF8 (RFC 6531),
 * CHUNKING (RFC 3030), STARTTLS (RFC 3207 §4, only before TLS and when a context is configured),
 * AUTH (RFC 4954 §3, submission mode only, not after a successful AUTH, and only where the
 * cleartext policy allows passwords: RFC 8314 §3.2).
 */
public final class EhloCommand implements SmtpCommand<EhloCommand.Args> {

    /** @param clientName the domain or address literal the client gave */
    public record Args(String clientName) {
    }

    @Override
    public String verb() {
        return "EHLO";
    }

    @Override
    public Args parse(String arguments) throws SmtpSyntaxException {
        return new Args(HeloCommand.clientName(arguments, "EHLO"));
    }

    @Override
    public void execute(SmtpSession session, Args args) throws IOException {
        session.greet(ClientInfo.Greeting.EHLO, args.clientName());
        session.reply(new SmtpReply(250, "", extensions(session)));
    }

    static List<String> extensions(SmtpSession session) {
        List<String> lines = new ArrayList<>(10);
        lines.add(session.settings().hostname());
        lines.add("PIPELINING");
        lines.add("SIZE " + session.settings().maxMessageSize());
        lines.add("ENHANCEDSTATUSCODES");
        lines.add("8BITMIME");
        lines.add("DSN");
        lines.add("SMTPUTF8");
        lines.add("CHUNKING");
        if (session.server().access().tls().isPresent() && !session.connection().isSecure()) {
            lines.add("STARTTLS");
        }
        List<String> mechanisms = AuthCommand.advertised(session);
        if (!mechanisms.isEmpty()) {
            lines.add("AUTH " + String.join(" ", mechanisms));
        }
        return lines;
    }
}
