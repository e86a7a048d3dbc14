package dev.yubin.smtp.server.command;

import dev.yubin.smtp.server.SmtpReply;
import dev.yubin.smtp.server.SmtpSession;
import java.io.IOException;

/**
 * EXPN (RFC 5321 §4.1.1.7): recognised but not implemented ({@code 502}, RFC 5321 §3.5.2): list
 * expansion would disclose alias members.
 */
public final class ExpnCommand implements SmtpCommand<ExpnCommand.Args> {

    public record Args() {
    }

    @Override
    public String verb() {
        return "EXPN";
    }

    @Override
    public Args parse(String arguments) {
        return new Args();
    }

    @Override
    public void execute(SmtpSession session, Args args) throws IOException {
        session.reply(SmtpReply.NOT_IMPLEMENTED);
    }
}
