package dev.yubin.smtp.server.command;

import dev.yubin.smtp.server.SmtpReply;
import dev.yubin.smtp.server.SmtpSession;
import dev.yubin.smtp.server.Transaction;
import dev.yubin.smtp.server.data.ChunkReader;
import dev.yubin.smtp.server.data.ReadBudget;
import dev.yubin.smtp.server.data.Spool;
import java.io.IOException;
import java.util.Optional;

/**
 * BDAT (RFC 3030 §2): a chunk of exactly {@code size} octets follows the command line, no
 * dot-stuffing; {@code LAST} ends the message. The octets are always read, even when the chunk
 * is refused, so the session stays in step (RFC 3030 §3). After a refused chunk the transaction
 * is over (RFC 3030 §3: the client must not send more chunks). A BDAT line that does not parse
 * leaves the chunk length unknown: the session replies {@code 501} and closes, as the bytes
 * that follow cannot be told apart from commands. BINARYMIME is not offered, so chunks must hold
 * CRLF-terminated lines like DATA does (bare CR or LF: {@code 550 5.6.0}).
 */
public final class BdatCommand implements SmtpCommand<BdatCommand.Args> {

    public static final SmtpReply MALFORMED = SmtpReply.of(501, "5.5.4", "Syntax: BDAT chunk-size [LAST]");

    /** Whether this chunk ends the message. */
    public enum Last { MORE, LAST }

    /** The parsed command line. */
    public sealed interface Args {
    }

    public record Chunk(long size, Last last) implements Args {
    }

    /** The line did not parse; the chunk length is unknown. */
    public record Malformed() implements Args {
    }

    @Override
    public String verb() {
        return "BDAT";
    }

    @Override
    public Args parse(String arguments) {
        String a = arguments.strip();
        int sp = a.indexOf(' ');
        String size = sp < 0 ? a : a.substring(0, sp);
        String rest = sp < 0 ? "" : a.substring(sp + 1).strip();
        if (size.isEmpty() || size.length() > 18) {
            return new Malformed();
        }
        for (int i = 0; i < size.length(); i++) {
            if (size.charAt(i) < '0' || size.charAt(i) > '9') {
                return new Malformed();
            }
        }
        Last last;
        if (rest.isEmpty()) {
            last = Last.MORE;
        } else if (rest.equalsIgnoreCase("LAST")) {
            last = Last.LAST;
        } else {
            return new Malformed();
        }
        return new Chunk(Long.parseLong(size), last);
    }

    @Override
    public void execute(SmtpSession session, Args args) throws IOException {
        if (!(args instanceof Chunk chunk)) {
            session.reply(MALFORMED);
            session.close();
            return;
        }
        Optional<SmtpReply> refusal = DataCommand.readyForData(session, Transaction.DataMode.BDAT);
        if (refusal.isPresent()) {
            session.connection().reader().skipFully(chunk.size());
            session.reply(refusal.get());
            return;
        }
        Transaction tx = session.transaction().orElseThrow();
        if (tx.dataMode() == Transaction.DataMode.NONE) {
            session.server().delivery().begin(session, tx, Transaction.DataMode.BDAT);
        }
        Spool spool = session.spool();
        ChunkReader.read(session.connection().reader(), spool, chunk.size(), ReadBudget.of(session.connection(),
                session.settings().commandTimeout(), tx.dataDeadlineNanos()));
        session.connection().setReadTimeout(session.settings().commandTimeout());
        if (chunk.last() == Last.LAST) {
            spool.endOfData();
        }
        if (spool.problem() != Spool.Problem.NONE || chunk.last() == Last.LAST) {
            SmtpReply reply = session.server().delivery().finish(session, tx);
            session.resetTransaction();
            session.reply(reply);
            return;
        }
        session.reply(SmtpReply.of(250, "2.0.0", chunk.size() + " octets received"));
    }
}
