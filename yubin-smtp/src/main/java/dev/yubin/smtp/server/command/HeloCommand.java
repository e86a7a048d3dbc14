package dev.yubin.smtp.server.command;

import dev.yubin.smtp.server.ClientInfo;
import dev.yubin.smtp.server.SmtpReply;
import dev.yubin.smtp.server.SmtpSession;
import java.io.IOException;

/**
 * HELO (RFC 5321 §4.1.1.1): the old greeting, no extensions. Resets any transaction.
 * Like Postfix's default, any printable name is accepted (it is only recorded in {@code Received:}).
 */
public final class HeloCommand implements SmtpCommand<HeloCommand.Args> {

    public record Args(String clientName) {
    }

    @Override
    public String verb() {
        return "HELO";
    }

    @Override
    public Args parse(String arguments) throws SmtpSyntaxException {
        return new Args(clientName(arguments, "HELO"));
    }

    @Override
    public void execute(SmtpSession session, Args args) throws IOException {
        session.greet(ClientInfo.Greeting.HELO, args.clientName());
        session.reply(SmtpReply.of(250, "", session.settings().hostname()));
    }

    static String clientName(String arguments, String verb) throws SmtpSyntaxException {
        String name = arguments.strip();
        int sp = name.indexOf(' ');
        if (sp > 0) {
            name = name.substring(0, sp); // some clients append a comment
        }
        if (name.isEmpty()) {
            throw new SmtpSyntaxException(SmtpReply.SYNTAX.withText("Syntax: " + verb + " hostname"));
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c < ' ' || c == 0x7f) {
                throw new SmtpSyntaxException(SmtpReply.SYNTAX.withText("Control character in hostname"));
            }
        }
        return name;
    }
}
