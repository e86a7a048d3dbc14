package dev.yubin.smtp.server.command;

import dev.yubin.smtp.server.SmtpReply;
import dev.yubin.smtp.server.SmtpSession;
import java.io.IOException;

/** QUIT (RFC 5321 §4.1.1.10): 221, then the server closes (and forgets any open transaction). */
public final class QuitCommand implements SmtpCommand<QuitCommand.Args> {

    public record Args() {
    }

    @Override
    public String verb() {
        return "QUIT";
    }

    @Override
    public Args parse(String arguments) throws SmtpSyntaxException {
        if (!arguments.isBlank()) {
            throw new SmtpSyntaxException(SmtpReply.SYNTAX.withText("Syntax: QUIT"));
        }
        return new Args();
    }

    @Override
    public void execute(SmtpSession session, Args args) throws IOException {
        session.resetTransaction();
        session.reply(SmtpReply.BYE);
        session.close();
    }
}
