package dev.yubin.smtp.server.command;

import dev.yubin.smtp.server.SmtpReply;
import dev.yubin.smtp.server.SmtpSession;
import java.io.IOException;

/** NOOP (RFC 5321 §4.1.1.9): does nothing; a parameter string is allowed and ignored. */
public final class NoopCommand implements SmtpCommand<NoopCommand.Args> {

    public record Args() {
    }

    @Override
    public String verb() {
        return "NOOP";
    }

    @Override
    public Args parse(String arguments) {
        return new Args();
    }

    @Override
    public void execute(SmtpSession session, Args args) throws IOException {
        session.reply(SmtpReply.OK);
    }
}
