package dev.yubin.smtp.server.command;

import dev.yubin.smtp.server.SmtpReply;

/** The client's command did not parse; carries the reply that says why (a 5xx). */
public final class SmtpSyntaxException extends Exception {
    private final transient SmtpReply reply;

    public SmtpSyntaxException(SmtpReply reply) {
        super(reply.toString(), null, false, false);
        this.reply = reply;
    }

    public SmtpReply reply() {
        return reply;
    }
}
