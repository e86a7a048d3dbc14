package dev.yubin.smtp.server.command;

import dev.yubin.smtp.server.SmtpReply;
import dev.yubin.smtp.server.SmtpSession;
import dev.yubin.smtp.server.Transaction;
import dev.yubin.smtp.server.data.DotStuffedReader;
import dev.yubin.smtp.server.data.ReadBudget;
import java.io.IOException;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * DATA (RFC 5321 §4.1.1.4): after {@code 354} the client sends the message, dot-stuffed, ending
 * with {@code CRLF.CRLF}; the reply comes only after the message is durable in every recipient's
 * mailbox (or refused). DATA must be the last command of a pipelined group (RFC 2920 §3.1): a
 * client that sends anything before our {@code 354} gets {@code 554 5.5.0} and is disconnected,
 * since what follows would otherwise be read as commands. RFC 2920 §3.1 also wants EHLO, VRFY,
 * EXPN, NOOP and QUIT last in a group; like Postfix, Yubin tolerates commands after those (their
 * replies stay in order and nothing is ambiguous), and BDAT chunks may be pipelined freely
 * (RFC 3030 §4.2).
 */
public final class DataCommand implements SmtpCommand<DataCommand.Args> {
    private static final Logger LOG = LoggerFactory.getLogger(DataCommand.class);

    public record Args() {
    }

    @Override
    public String verb() {
        return "DATA";
    }

    @Override
    public Args parse(String arguments) throws SmtpSyntaxException {
        if (!arguments.isBlank()) {
            throw new SmtpSyntaxException(SmtpReply.SYNTAX.withText("Syntax: DATA")); // RFC 5321 §4.1.1.4
        }
        return new Args();
    }

    @Override
    public void execute(SmtpSession session, Args args) throws IOException {
        Optional<SmtpReply> refusal = readyForData(session, Transaction.DataMode.DATA);
        if (refusal.isPresent()) {
            session.reply(refusal.get());
            return;
        }
        Transaction tx = session.transaction().orElseThrow();
        if (session.connection().reader().hasBuffered()) {
            LOG.info("event=smtp.pipelining_violation conn={}", session.id()); // RFC 2920 §3.1
            session.resetTransaction();
            session.reply(SmtpReply.IMPROPER_PIPELINING);
            session.close();
            return;
        }
        session.server().delivery().begin(session, tx, Transaction.DataMode.DATA);
        session.reply(SmtpReply.START_DATA);
        session.flush();
        DotStuffedReader.read(session.connection().reader(), session.spool(), ReadBudget.of(session.connection(),
                session.settings().commandTimeout(), tx.dataDeadlineNanos()));
        session.connection().setReadTimeout(session.settings().commandTimeout());
        SmtpReply reply = session.server().delivery().finish(session, tx);
        session.resetTransaction();
        session.reply(reply);
    }

    /** The checks DATA and the first BDAT share (RFC 5321 §3.3, RFC 3030 §3). */
    static Optional<SmtpReply> readyForData(SmtpSession session, Transaction.DataMode mode) {
        Optional<Transaction> t = session.transaction();
        if (t.isEmpty()) {
            return Optional.of(SmtpReply.NEED_MAIL);
        }
        Transaction tx = t.get();
        if (tx.dataMode() != Transaction.DataMode.NONE && tx.dataMode() != mode) {
            return Optional.of(SmtpReply.MIXED_DATA_BDAT);
        }
        if (tx.recipients().isEmpty()) {
            return Optional.of(tx.refusedRecipients() > 0 ? SmtpReply.NO_VALID_RECIPIENTS : SmtpReply.NEED_RCPT);
        }
        return Optional.empty();
    }
}
