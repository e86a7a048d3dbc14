package dev.yubin.smtp.server.command;

import dev.yubin.smtp.server.SmtpReply;
import dev.yubin.smtp.server.SmtpSession;
import java.io.IOException;

/** RSET (RFC 5321 §4.1.1.5): aborts the transaction; the greeting stays. */
public final class RsetCommand implements SmtpCommand<RsetCommand.Args> {

    public record Args() {
    }

    @Override
    public String verb() {
        return "RSET";
    }

    @Override
    public Args parse(String arguments) throws SmtpSyntaxException {
        if (!arguments.isBlank()) {
            throw new SmtpSyntaxException(SmtpReply.SYNTAX.withText("Syntax: RSET")); // RFC 5321 §4.1.1.5
        }
        return new Args();
    }

    @Override
    public void execute(SmtpSession session, Args args) throws IOException {
        session.resetTransaction();
        session.reply(SmtpReply.OK);
    }
}
