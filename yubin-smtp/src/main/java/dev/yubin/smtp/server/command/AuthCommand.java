package dev.yubin.smtp.server.command;

import dev.yubin.smtp.server.SmtpReply;
import dev.yubin.smtp.server.SmtpSession;
import java.io.IOException;

/**
 * AUTH (RFC 4954 §4). Placeholder until SASL is wired for submission (issue 5): not advertised,
 * answered {@code 503 5.5.1}. The parsed form is already the one the real command needs:
 * mechanism and optional initial response ({@code =} for an empty one, RFC 4954 §4).
 */
public final class AuthCommand implements SmtpCommand<AuthCommand.Args> {

    public static final SmtpReply NOT_ENABLED = SmtpReply.of(503, "5.5.1", "Error: authentication not enabled");

    public record Args(String mechanism, String initialResponse) {
    }

    @Override
    public String verb() {
        return "AUTH";
    }

    @Override
    public Args parse(String arguments) throws SmtpSyntaxException {
        String[] parts = arguments.strip().split(" ", -1);
        if (parts[0].isEmpty() || parts.length > 2) {
            throw new SmtpSyntaxException(SmtpReply.SYNTAX.withText("Syntax: AUTH mechanism [initial-response]"));
        }
        return new Args(parts[0].toUpperCase(java.util.Locale.ROOT), parts.length == 2 ? parts[1] : "");
    }

    @Override
    public void execute(SmtpSession session, Args args) throws IOException {
        session.reply(NOT_ENABLED);
    }
}
