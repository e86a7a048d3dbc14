package dev.yubin.smtp.server.command;

import dev.yubin.smtp.server.SmtpReply;
import dev.yubin.smtp.server.SmtpSession;
import java.io.IOException;

/** HELP (RFC 5321 §4.1.1.8): a short list of commands; the argument is ignored. */
public final class HelpCommand implements SmtpCommand<HelpCommand.Args> {

    public record Args() {
    }

    @Override
    public String verb() {
        return "HELP";
    }

    @Override
    public Args parse(String arguments) {
        return new Args();
    }

    @Override
    public void execute(SmtpSession session, Args args) throws IOException {
        session.reply(SmtpReply.HELP);
    }
}
