package dev.yubin.smtp.server.command;

import dev.yubin.core.Domain;
import dev.yubin.core.EmailAddress;
import dev.yubin.smtp.server.ClientInfo;
import dev.yubin.smtp.server.InboundFilter;
import dev.yubin.smtp.server.MailParameters;
import dev.yubin.smtp.server.ReversePath;
import dev.yubin.smtp.server.SmtpReply;
import dev.yubin.smtp.server.SmtpSession;
import dev.yubin.smtp.server.SmtpSettings;
import dev.yubin.smtp.server.Transaction;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * MAIL FROM (RFC 5321 §4.1.1.2): starts a transaction. Parameters: SIZE (RFC 1870 §4, checked
 * here against the limit), BODY (RFC 6152 §2), SMTPUTF8 (RFC 6531 §3.4), RET and ENVID
 * (RFC 3461 §4.3, §4.4), AUTH (RFC 4954 §5: {@code <>} or an xtext mailbox; believed only from an
 * authenticated client, see {@code OutboundQueue}). Unknown parameters: {@code 555 5.5.4} (RFC 5321 §4.1.1.11).
 *
 * <p>Submission mode (RFC 6409): {@code 530 5.7.0} before AUTH (RFC 4954 §6); the sender must be
 * an address the authenticated user owns ({@link SenderOwnership}), else {@code 553 5.7.1}. The
 * null reverse-path is allowed (read receipts, vacation replies from clients).
 */
public final class MailCommand implements SmtpCommand<MailCommand.Args> {

    public static final SmtpReply SIZE_EXCEEDS_LIMIT = SmtpReply.of(552, "5.3.4", "Message size exceeds fixed limit");

    /** @param path {@link Paths.NullPath} or {@link Paths.MailboxPath} */
    public record Args(Paths.Path path, MailParameters parameters) {
    }

    @Override
    public String verb() {
        return "MAIL";
    }

    @Override
    public LineLimit lineLimit() {
        return LineLimit.PARAMETERS;
    }

    @Override
    public Args parse(String arguments) throws SmtpSyntaxException {
        if (arguments.length() < 5 || !arguments.regionMatches(true, 0, "FROM:", 0, 5)) {
            throw new SmtpSyntaxException(SmtpReply.SYNTAX.withText("Syntax: MAIL FROM:<address>"));
        }
        Paths.Parsed parsed;
        try {
            parsed = Paths.parse(arguments.substring(5));
        } catch (Paths.PathSyntaxException e) {
            throw new SmtpSyntaxException(SmtpReply.BAD_SENDER_SYNTAX);
        }
        if (parsed.path() instanceof Paths.BarePostmaster) {
            throw new SmtpSyntaxException(SmtpReply.BAD_SENDER_SYNTAX);
        }
        return new Args(parsed.path(), parameters(EsmtpParameters.parse(parsed.rest())));
    }

    static MailParameters parameters(Map<String, String> params) throws SmtpSyntaxException {
        OptionalLong size = OptionalLong.empty();
        MailParameters.Body body = MailParameters.Body.UNSPECIFIED;
        MailParameters.Utf8 utf8 = MailParameters.Utf8.NOT_REQUESTED;
        Optional<MailParameters.Ret> ret = Optional.empty();
        Optional<String> envid = Optional.empty();
        Optional<MailParameters.Submitter> auth = Optional.empty();
        for (Map.Entry<String, String> p : params.entrySet()) {
            String v = p.getValue();
            switch (p.getKey()) {
                case "SIZE" -> size = OptionalLong.of(parseSize(v));
                case "BODY" -> body = switch (v.toUpperCase(java.util.Locale.ROOT)) {
                    case "7BIT" -> MailParameters.Body.SEVEN_BIT;
                    case "8BITMIME" -> MailParameters.Body.EIGHT_BIT_MIME;
                    default -> throw new SmtpSyntaxException(SmtpReply.UNKNOWN_PARAMETER.withText("Unsupported BODY type"));
                };
                case "SMTPUTF8" -> {
                    if (!v.isEmpty()) {
                        throw new SmtpSyntaxException(SmtpReply.SYNTAX.withText("SMTPUTF8 takes no value")); // RFC 6531 §3.4
                    }
                    utf8 = MailParameters.Utf8.REQUESTED;
                }
                case "RET" -> ret = Optional.of(switch (v.toUpperCase(java.util.Locale.ROOT)) {
                    case "FULL" -> MailParameters.Ret.FULL;
                    case "HDRS" -> MailParameters.Ret.HDRS;
                    default -> throw new SmtpSyntaxException(SmtpReply.SYNTAX.withText("Syntax: RET=FULL or RET=HDRS"));
                });
                case "ENVID" -> {
                    String id = EsmtpParameters.decodeXtext(v);
                    if (id.length() > 100) {
                        throw new SmtpSyntaxException(SmtpReply.SYNTAX.withText("ENVID longer than 100 characters")); // RFC 3461 §4.4
                    }
                    envid = Optional.of(id);
                }
                case "AUTH" -> {
                    try {
                        auth = Optional.of(MailParameters.Submitter.parse(EsmtpParameters.decodeXtext(v))); // RFC 4954 §5
                    } catch (IllegalArgumentException e) {
                        throw new SmtpSyntaxException(SmtpReply.SYNTAX.withText("Syntax: AUTH=<> or AUTH=xtext-mailbox"));
                    }
                }
                default -> throw new SmtpSyntaxException(SmtpReply.UNKNOWN_PARAMETER.withText(
                        "Unsupported option: " + EsmtpParameters.sanitize(p.getKey())));
            }
        }
        return new MailParameters(size, body, utf8, ret, envid, auth);
    }

    private static long parseSize(String v) throws SmtpSyntaxException {
        if (v.isEmpty() || v.length() > 20) {
            throw new SmtpSyntaxException(SmtpReply.SYNTAX.withText("Bad SIZE value"));
        }
        long n = 0;
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c < '0' || c > '9') {
                throw new SmtpSyntaxException(SmtpReply.SYNTAX.withText("Bad SIZE value"));
            }
            n = n > Long.MAX_VALUE / 10 - 1 ? Long.MAX_VALUE : n * 10 + (c - '0');
        }
        return n;
    }

    @Override
    public void execute(SmtpSession session, Args args) throws IOException {
        if (session.greeting() == ClientInfo.Greeting.NONE) {
            session.reply(SmtpReply.SEND_HELO_FIRST); // RFC 5321 §4.1.4
            return;
        }
        if (session.transaction().isPresent()) {
            session.reply(SmtpReply.NESTED_MAIL); // RFC 5321 §4.1.4
            return;
        }
        boolean submission = session.settings().mode() == SmtpSettings.Mode.SUBMISSION;
        if (submission && session.user().isEmpty()) {
            session.reply(SmtpReply.AUTH_REQUIRED); // RFC 4954 §6
            return;
        }
        MailParameters p = args.parameters();
        if (p.size().isPresent() && p.size().getAsLong() > session.settings().maxMessageSize()) {
            session.reply(SIZE_EXCEEDS_LIMIT); // RFC 1870 §6.1
            return;
        }
        ReversePath sender = ReversePath.NULL;
        if (args.path() instanceof Paths.MailboxPath m) {
            if (m.needsUtf8() && p.utf8() == MailParameters.Utf8.NOT_REQUESTED) {
                session.reply(SmtpReply.UTF8_NOT_DECLARED); // RFC 6531 §3.4
                return;
            }
            if (m.hostKind() == Paths.HostKind.ADDRESS_LITERAL) {
                session.reply(SmtpReply.BAD_SENDER_SYNTAX.withText("Address literal not accepted as sender domain"));
                return;
            }
            try {
                sender = ReversePath.of(new EmailAddress(m.localPart(), Domain.parse(m.host())));
            } catch (IllegalArgumentException e) {
                session.reply(SmtpReply.BAD_SENDER_SYNTAX);
                return;
            }
        }
        if (submission && sender.address().isPresent()
                && !SenderOwnership.owns(session.server().directory(), session.user().orElseThrow(), sender.address().get())) {
            session.reply(SmtpReply.SENDER_NOT_OWNED); // RFC 6409 §6.1
            return;
        }
        for (InboundFilter f : session.server().filters()) {
            Optional<SmtpReply> refusal = f.checkSender(session.client(), sender, p);
            if (refusal.isPresent()) {
                session.reply(refusal.get());
                return;
            }
        }
        session.begin(new Transaction(sender, p));
        session.reply(SmtpReply.SENDER_OK);
    }
}
