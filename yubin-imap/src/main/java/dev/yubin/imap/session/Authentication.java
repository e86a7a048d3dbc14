package dev.yubin.imap.session;

import dev.yubin.imap.command.AuthenticateCommand;
import dev.yubin.imap.command.LoginCommand;
import dev.yubin.net.LineReader;
import dev.yubin.net.auth.ClientChannel;
import dev.yubin.net.auth.LoginResult;
import dev.yubin.net.auth.LoginThrottle;
import dev.yubin.net.sasl.SaslMechanism;
import dev.yubin.net.sasl.SaslStep;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * LOGIN (RFC 9051 §6.2.3) and AUTHENTICATE (RFC 9051 §6.2.2, SASL-IR RFC 4959) over the shared
 * {@code dev.yubin.net} authenticator, SASL mechanisms and login throttle. Without TLS, passwords
 * are refused unless the cleartext policy allows them (LOGINDISABLED, RFC 9051 §11.1).
 */
final class Authentication {
    private static final Logger LOG = LoggerFactory.getLogger(Authentication.class);

    private Authentication() {
    }

    static ClientChannel channel(ImapSession s) {
        return ClientChannel.of(s.connection());
    }

    static List<String> mechanisms(ImapSession s) {
        return s.services().sasl().advertised(channel(s));
    }

    static Result login(ImapSession s, LoginCommand c) {
        if (!s.cleartextAllowed()) {
            return Responses.PRIVACY_REQUIRED;
        }
        LoginResult r = s.services().authenticator().login(c.user(), c.password());
        return switch (r) {
            case LoginResult.Authenticated a -> succeeded(s, a.user(), c.user());
            case LoginResult.Rejected rej -> failed(s, c.user(), Responses.AUTH_FAILED);
            case LoginResult.Unavailable u -> Responses.AUTH_UNAVAILABLE;
        };
    }

    static Result authenticate(ImapSession s, AuthenticateCommand c) throws IOException {
        if (!s.cleartextAllowed()) {
            return Responses.PRIVACY_REQUIRED;
        }
        Optional<SaslMechanism> mech = s.services().sasl().create(c.mechanism(), channel(s));
        if (mech.isEmpty()) {
            return Responses.UNKNOWN_MECHANISM;
        }
        Optional<byte[]> ir = Optional.empty();
        if (c.initialResponse().isPresent()) {
            byte[] decoded = decode(c.initialResponse().get());
            if (decoded == null) {
                return new Result.Bad(null, "Invalid base64 initial response");
            }
            ir = Optional.of(decoded);
        }
        SaslStep step = mech.get().start(ir);
        while (true) {
            switch (step) {
                case SaslStep.Challenge ch -> {
                    byte[] answer = challenge(s, ch.data());
                    if (answer == null) {
                        return Responses.CANCELLED;
                    }
                    step = mech.get().next(answer);
                }
                case SaslStep.Success ok -> {
                    if (ok.hasServerData() && challenge(s, ok.serverData()) == null) {
                        return Responses.CANCELLED; // RFC 9051 §6.2.2: final data as a challenge
                    }
                    return succeeded(s, ok.user(), ok.user().address().canonical());
                }
                case SaslStep.Failure f -> {
                    LOG.debug("event=imap.sasl_failed conn={} reason={} detail={}", s.connection().id(), f.reason(),
                            f.detail());
                    return switch (f.reason()) {
                        case MALFORMED -> new Result.Bad(null, "Invalid SASL response");
                        case INVALID_CREDENTIALS -> failed(s, f.username(), Responses.AUTH_FAILED);
                        case AUTHORIZATION_FAILED -> failed(s, f.username(), Responses.AUTHZ_FAILED);
                        case UNAVAILABLE -> Responses.AUTH_UNAVAILABLE;
                    };
                }
            }
        }
    }

    private static Result succeeded(ImapSession s, dev.yubin.store.User user, String username) {
        s.services().throttle().succeeded(s.connection().remoteAddress(), username);
        Result limit = s.authenticated(user);
        return limit != null ? limit : Result.ok("CAPABILITY " + Capabilities.of(s), "Logged in");
    }

    /** Sleeps the throttle's delay before answering; a ban ends the session after the reply. */
    private static Result failed(ImapSession s, String username, Result reply) {
        LoginThrottle.Penalty p = s.services().throttle().failed(s.connection().remoteAddress(),
                username == null ? "" : username);
        LOG.info("event=imap.login_failed conn={} user={} remote={} banned={}", s.connection().id(), username,
                s.connection().remoteAddress().getHostAddress(), p.banned());
        try {
            p.sleep();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (p.banned()) {
            s.byeAfterReply("Too many failed logins");
        }
        return reply;
    }

    private static byte[] decode(String b64) {
        if (b64.equals("=")) {
            return new byte[0]; // RFC 4959 §3: "=" is an empty initial response
        }
        try {
            return Base64.getDecoder().decode(b64);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** Sends {@code + base64} and reads the client's answer; null when the client cancels with "*". */
    private static byte[] challenge(ImapSession s, byte[] data) throws IOException {
        s.out().ascii("+ ").ascii(Base64.getEncoder().encodeToString(data)).crlf();
        s.out().flush();
        LineReader.Line line = s.in().readLine(false);
        if (line.status() == LineReader.Line.Status.EOF) {
            throw new java.io.EOFException("closed during AUTHENTICATE");
        }
        if (!line.ok()) {
            return null;
        }
        String text = line.ascii().strip();
        if (text.equals("*")) {
            return null; // RFC 9051 §6.2.2: the client cancels
        }
        byte[] decoded = decode(text.isEmpty() ? "=" : text);
        return decoded == null ? null : decoded;
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
