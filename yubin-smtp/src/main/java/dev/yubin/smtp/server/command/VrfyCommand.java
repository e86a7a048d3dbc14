package dev.yubin.smtp.server.command;

import dev.yubin.smtp.server.SmtpReply;
import dev.yubin.smtp.server.SmtpSession;
import java.io.IOException;

/**
 * VRFY (RFC 5321 §3.5.3, §4.1.1.6): always {@code 252}, whatever the argument, so it cannot be used
 * to enumerate users (RFC 5321 §7.3 allows servers to decline to verify).
 */
public final class VrfyCommand implements SmtpCommand<VrfyCommand.Args> {

    public record Args(String target) {
    }

    @Override
    public String verb() {
        return "VRFY";
    }

    @Override
    public Args parse(String arguments) throws SmtpSyntaxException {
        if (arguments.isBlank()) {
            throw new SmtpSyntaxException(SmtpReply.SYNTAX.withText("Syntax: VRFY address"));
        }
        return new Args(arguments.strip());
    }

    @Override
    public void execute(SmtpSession session, Args args) throws IOException {
        session.reply(SmtpReply.CANNOT_VRFY);
    }
}
