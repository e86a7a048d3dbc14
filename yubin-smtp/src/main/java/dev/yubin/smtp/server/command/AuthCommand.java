package dev.yubin.smtp.server.command;

import dev.yubin.net.LineReader;
import dev.yubin.net.auth.ClientChannel;
import dev.yubin.net.auth.LoginThrottle;
import dev.yubin.net.sasl.SaslMechanism;
import dev.yubin.net.sasl.SaslMechanisms;
import dev.yubin.net.sasl.SaslStep;
import dev.yubin.smtp.server.ClientInfo;
import dev.yubin.smtp.server.SmtpReply;
import dev.yubin.smtp.server.SmtpSession;
import dev.yubin.smtp.server.SmtpSettings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * AUTH (RFC 4954 §4) in submission mode: a SASL exchange (PLAIN, LOGIN, SCRAM-SHA-256 from the
 * shared {@link SaslMechanisms}, the same code path as IMAP and POP3). Challenges are
 * {@code 334 base64}; the client answers a base64 line or {@code *} to cancel ({@code 501});
 * {@code =} is an empty initial response. A mechanism's final data (SCRAM's {@code v=}) goes out
 * as one last {@code 334} before {@code 235 2.7.0} (RFC 4954 §4).
 *
 * <p>Refused: on an MX ({@code 503}), before EHLO, after a successful AUTH, inside a transaction
 * (RFC 4954 §4: all {@code 503 5.5.1}); where the cleartext policy refuses passwords
 * ({@code 538 5.7.11}, RFC 4954 §6). Wrong credentials: the {@link LoginThrottle} delay, then
 * {@code 535 5.7.8}; once the address is banned, {@code 421 4.7.0} and the session ends.
 */
public final class AuthCommand implements SmtpCommand<AuthCommand.Args> {
    private static final Logger LOG = LoggerFactory.getLogger(AuthCommand.class);

    /** @param initialResponse the base64 text after the mechanism, empty when none was sent */
    public record Args(String mechanism, Optional<String> initialResponse) {
        @Override
        public String toString() {
            return "Args[mechanism=" + mechanism + "]"; // the initial response may hold a password
        }
    }

    @Override
    public String verb() {
        return "AUTH";
    }

    @Override
    public LineLimit lineLimit() {
        return LineLimit.PARAMETERS; // RFC 4954 §4: initial responses make long lines
    }

    @Override
    public Args parse(String arguments) throws SmtpSyntaxException {
        String[] parts = arguments.strip().split(" ", -1);
        if (parts[0].isEmpty() || parts.length > 2) {
            throw new SmtpSyntaxException(SmtpReply.SYNTAX.withText("Syntax: AUTH mechanism [initial-response]"));
        }
        return new Args(parts[0].toUpperCase(Locale.ROOT), parts.length == 2 ? Optional.of(parts[1]) : Optional.empty());
    }

    /** The mechanisms to list in EHLO: none on an MX, after AUTH, or where passwords may not be sent. */
    static List<String> advertised(SmtpSession session) {
        Optional<SaslMechanisms> sasl = session.server().access().sasl();
        if (session.settings().mode() != SmtpSettings.Mode.SUBMISSION || sasl.isEmpty() || session.isAuthenticated()) {
            return List.of();
        }
        return sasl.get().advertised(ClientChannel.of(session.connection())); // RFC 4954 §4, RFC 8314 §3.2
    }

    @Override
    public void execute(SmtpSession session, Args args) throws IOException {
        Optional<SaslMechanisms> sasl = session.server().access().sasl();
        if (session.settings().mode() != SmtpSettings.Mode.SUBMISSION || sasl.isEmpty()) {
            session.reply(SmtpReply.AUTH_NOT_ENABLED);
            return;
        }
        if (session.greeting() != ClientInfo.Greeting.EHLO) {
            session.reply(SmtpReply.SEND_HELO_FIRST);
            return;
        }
        if (session.isAuthenticated()) {
            session.reply(SmtpReply.ALREADY_AUTHENTICATED); // RFC 4954 §4
            return;
        }
        if (session.transaction().isPresent()) {
            session.reply(SmtpReply.AUTH_IN_TRANSACTION); // RFC 4954 §4
            return;
        }
        ClientChannel channel = ClientChannel.of(session.connection());
        if (!sasl.get().passwordsAllowed(channel)) {
            session.reply(SmtpReply.ENCRYPTION_REQUIRED); // RFC 4954 §6
            return;
        }
        LoginThrottle throttle = session.server().access().throttle();
        if (throttle.isBanned(channel.address())) {
            session.reply(SmtpReply.LOGIN_BANNED);
            return;
        }
        Optional<SaslMechanism> mechanism = sasl.get().create(args.mechanism(), channel);
        if (mechanism.isEmpty()) {
            session.reply(SmtpReply.AUTH_UNKNOWN_MECHANISM);
            return;
        }
        Optional<byte[]> initial = Optional.empty();
        if (args.initialResponse().isPresent()) {
            initial = decode(args.initialResponse().get());
            if (initial.isEmpty()) {
                session.reply(SmtpReply.AUTH_MALFORMED);
                return;
            }
        }
        exchange(session, mechanism.get(), mechanism.get().start(initial), throttle);
    }

    private static void exchange(SmtpSession session, SaslMechanism mechanism, SaslStep first, LoginThrottle throttle)
            throws IOException {
        SaslStep step = first;
        while (true) {
            switch (step) {
                case SaslStep.Challenge c -> {
                    Optional<byte[]> answer = challenge(session, c.data());
                    if (answer.isEmpty()) {
                        return;
                    }
                    step = mechanism.next(answer.get());
                }
                case SaslStep.Success ok -> {
                    if (ok.hasServerData() && challenge(session, ok.serverData()).isEmpty()) {
                        return;
                    }
                    throttle.succeeded(session.connection().remoteAddress(), ok.user().address().toString());
                    session.authenticated(ok.user());
                    LOG.info("event=smtp.auth_ok conn={} user={} mechanism={}", session.id(), ok.user().address(),
                            mechanism.name());
                    session.reply(SmtpReply.AUTH_OK);
                    return;
                }
                case SaslStep.Failure f -> {
                    switch (f.reason()) {
                        case MALFORMED -> session.reply(SmtpReply.AUTH_MALFORMED);
                        case INVALID_CREDENTIALS, AUTHORIZATION_FAILED -> failed(session, f.username(), mechanism, throttle);
                        case UNAVAILABLE -> session.reply(SmtpReply.AUTH_UNAVAILABLE);
                    }
                    return;
                }
            }
        }
    }

    /** The throttle's delay, then 535; a newly banned address gets 421 and the session ends. */
    private static void failed(SmtpSession session, String username, SaslMechanism mechanism, LoginThrottle throttle)
            throws IOException {
        LoginThrottle.Penalty p = throttle.failed(session.connection().remoteAddress(), username);
        LOG.info("event=smtp.auth_failed conn={} remote={} user={} mechanism={} delay_ms={} banned={}", session.id(),
                session.connection().remoteAddress().getHostAddress(), username, mechanism.name(),
                p.delay().toMillis(), p.banned());
        session.flush();
        try {
            p.sleep();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            session.close();
            return;
        }
        session.reply(SmtpReply.AUTH_FAILED);
        if (p.banned()) {
            session.reply(SmtpReply.LOGIN_BANNED);
        }
    }

    /** Sends {@code 334 base64} and reads the answer; empty when the exchange ended (reply sent). */
    private static Optional<byte[]> challenge(SmtpSession session, byte[] data) throws IOException {
        session.reply(new SmtpReply(334, "", List.of(Base64.getEncoder().encodeToString(data))));
        session.flush();
        LineReader.Line line = session.connection().reader().readLine(true);
        switch (line.status()) {
            case EOF -> {
                session.close();
                return Optional.empty();
            }
            case OK -> {
                // decoded below
            }
            default -> {
                session.reply(SmtpReply.AUTH_MALFORMED);
                return Optional.empty();
            }
        }
        String text = new String(line.bytes(), 0, line.length(), StandardCharsets.US_ASCII).strip();
        if (text.equals("*")) {
            session.reply(SmtpReply.AUTH_CANCELLED); // RFC 4954 §4
            return Optional.empty();
        }
        Optional<byte[]> bytes = decode(text);
        if (bytes.isEmpty()) {
            session.reply(SmtpReply.AUTH_MALFORMED);
        }
        return bytes;
    }

    private static Optional<byte[]> decode(String b64) {
        if (b64.equals("=")) {
            return Optional.of(new byte[0]); // RFC 4954 §4: "=" is an empty initial response
        }
        try {
            return Optional.of(Base64.getDecoder().decode(b64));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
