package dev.yubin.smtp.server.command;

import dev.yubin.smtp.server.InboundFilter;
import dev.yubin.smtp.server.RcptParameters;
import dev.yubin.smtp.server.SmtpReply;
import dev.yubin.smtp.server.SmtpSession;
import dev.yubin.smtp.server.Transaction;
import java.io.IOException;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * RCPT TO (RFC 5321 §4.1.1.3): adds a recipient, checked now so the client gets a per-recipient
 * answer: {@code 550 5.1.1} unknown user, {@code 550 5.7.1} relaying refused, {@code 452 4.5.3}
 * past the recipient limit (RFC 5321 §4.5.3.1.10), {@code 452 4.2.2} mailbox full. DSN parameters
 * NOTIFY and ORCPT (RFC 3461 §4.1, §4.2) are parsed and kept with the recipient.
 */
public final class RcptCommand implements SmtpCommand<RcptCommand.Args> {
    private static final Logger LOG = LoggerFactory.getLogger(RcptCommand.class);

    public record Args(Paths.Path path, RcptParameters parameters) {
    }

    @Override
    public String verb() {
        return "RCPT";
    }

    @Override
    public LineLimit lineLimit() {
        return LineLimit.PARAMETERS;
    }

    @Override
    public Args parse(String arguments) throws SmtpSyntaxException {
        if (arguments.length() < 3 || !arguments.regionMatches(true, 0, "TO:", 0, 3)) {
            throw new SmtpSyntaxException(SmtpReply.SYNTAX.withText("Syntax: RCPT TO:<address>"));
        }
        Paths.Parsed parsed;
        try {
            parsed = Paths.parse(arguments.substring(3));
        } catch (Paths.PathSyntaxException e) {
            throw new SmtpSyntaxException(SmtpReply.BAD_RECIPIENT_SYNTAX);
        }
        if (parsed.path() instanceof Paths.NullPath) {
            throw new SmtpSyntaxException(SmtpReply.BAD_RECIPIENT_SYNTAX);
        }
        return new Args(parsed.path(), parameters(EsmtpParameters.parse(parsed.rest())));
    }

    static RcptParameters parameters(Map<String, String> params) throws SmtpSyntaxException {
        Set<RcptParameters.Notify> notify = Set.of();
        Optional<RcptParameters.OriginalRecipient> orcpt = Optional.empty();
        for (Map.Entry<String, String> p : params.entrySet()) {
            switch (p.getKey()) {
                case "NOTIFY" -> notify = notify(p.getValue());
                case "ORCPT" -> {
                    String v = p.getValue();
                    int semi = v.indexOf(';');
                    if (semi <= 0 || semi == v.length() - 1) {
                        throw new SmtpSyntaxException(SmtpReply.SYNTAX.withText("Syntax: ORCPT=addr-type;address"));
                    }
                    String decoded = EsmtpParameters.decodeXtext(v.substring(semi + 1));
                    if (decoded.length() > 500) {
                        throw new SmtpSyntaxException(SmtpReply.SYNTAX.withText("ORCPT too long")); // RFC 3461 §4.2
                    }
                    orcpt = Optional.of(new RcptParameters.OriginalRecipient(
                            v.substring(0, semi).toLowerCase(Locale.ROOT), decoded));
                }
                default -> throw new SmtpSyntaxException(SmtpReply.UNKNOWN_PARAMETER.withText(
                        "Unsupported option: " + EsmtpParameters.sanitize(p.getKey())));
            }
        }
        return new RcptParameters(notify, orcpt);
    }

    private static Set<RcptParameters.Notify> notify(String value) throws SmtpSyntaxException {
        EnumSet<RcptParameters.Notify> set = EnumSet.noneOf(RcptParameters.Notify.class);
        for (String item : value.split(",", -1)) {
            try {
                set.add(RcptParameters.Notify.valueOf(item.toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new SmtpSyntaxException(SmtpReply.SYNTAX.withText("Syntax: NOTIFY=NEVER or SUCCESS,FAILURE,DELAY"));
            }
        }
        if (set.contains(RcptParameters.Notify.NEVER) && set.size() > 1) {
            throw new SmtpSyntaxException(SmtpReply.SYNTAX.withText("NOTIFY=NEVER cannot be combined")); // RFC 3461 §4.1
        }
        return set;
    }

    @Override
    public void execute(SmtpSession session, Args args) throws IOException {
        Optional<Transaction> t = session.transaction();
        if (t.isEmpty()) {
            session.reply(SmtpReply.NEED_MAIL); // RFC 5321 §4.1.4
            return;
        }
        Transaction tx = t.get();
        if (tx.dataMode() != Transaction.DataMode.NONE) {
            session.reply(SmtpReply.of(503, "5.5.1", "Error: RCPT after data started"));
            return;
        }
        if (tx.recipients().size() >= session.settings().maxRecipients()) {
            session.reply(SmtpReply.TOO_MANY_RECIPIENTS); // RFC 5321 §4.5.3.1.10
            return;
        }
        RecipientResolver.Decision decision = RecipientResolver.decide(session, tx, args.path(), args.parameters());
        if (decision instanceof RecipientResolver.Refuse r) {
            LOG.info("event=smtp.rcpt_rejected conn={} reason={} code={}", session.id(), r.reason(), r.reply().code());
            tx.countRefusedRecipient();
            session.reply(r.reply());
            return;
        }
        RecipientResolver.Accept accept = (RecipientResolver.Accept) decision;
        for (InboundFilter f : session.server().filters()) {
            Optional<SmtpReply> refusal = f.checkRecipient(session.client(), tx.sender(), accept.recipient());
            if (refusal.isPresent()) {
                tx.countRefusedRecipient();
                session.reply(refusal.get());
                return;
            }
        }
        tx.addRecipient(accept.recipient());
        session.reply(SmtpReply.RECIPIENT_OK);
    }
}
