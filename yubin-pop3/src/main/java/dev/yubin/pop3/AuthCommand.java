package dev.yubin.pop3;

import dev.yubin.net.LineReader;
import dev.yubin.net.sasl.SaslMechanism;
import dev.yubin.net.sasl.SaslStep;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;

/**
 * {@code AUTH mechanism [initial-response]} (RFC 5034 §4): a SASL exchange with the shared
 * mechanisms; challenges are {@code + base64}, the client answers a base64 line or {@code *} to
 * cancel; {@code =} is an empty initial response. A mechanism's final data (SCRAM's
 * {@code v=}) is sent as one last challenge before {@code +OK}. {@code AUTH} alone lists the
 * mechanisms (as Dovecot and others do; CAPA's SASL line is the standard way).
 */
record AuthCommand(Optional<String> mechanism, Optional<String> initialResponse) implements Pop3Command {

    static Optional<Pop3Command> parse(String[] args) {
        if (args.length > 2) {
            return Optional.empty();
        }
        return Optional.of(new AuthCommand(args.length > 0 ? Optional.of(args[0]) : Optional.empty(),
                args.length > 1 ? Optional.of(args[1]) : Optional.empty()));
    }

    @Override
    public Set<Pop3State> states() {
        return Pop3State.AUTH_ONLY;
    }

    @Override
    public void execute(Pop3Session s) throws IOException {
        if (!s.server().sasl().passwordsAllowed(s.channel())) {
            s.reply(Pop3Reply.CLEARTEXT_DISALLOWED);
            return;
        }
        if (mechanism.isEmpty()) {
            s.replyLines("+OK", s.server().sasl().advertised(s.channel()));
            return;
        }
        Optional<SaslMechanism> m = s.server().sasl().create(mechanism.get(), s.channel());
        if (m.isEmpty()) {
            s.bad(Pop3Reply.AUTH_UNKNOWN_MECHANISM);
            return;
        }
        if (!s.mayAttemptLogin()) {
            return;
        }
        Optional<byte[]> initial = Optional.empty();
        if (initialResponse.isPresent()) {
            Optional<byte[]> decoded = decode(initialResponse.get());
            if (decoded.isEmpty()) {
                s.bad(Pop3Reply.AUTH_MALFORMED);
                return;
            }
            initial = decoded;
        }
        SaslStep step = m.get().start(initial);
        while (true) {
            switch (step) {
                case SaslStep.Challenge c -> {
                    Optional<byte[]> answer = challenge(s, c.data());
                    if (answer.isEmpty()) {
                        return;
                    }
                    step = m.get().next(answer.get());
                }
                case SaslStep.Success ok -> {
                    if (ok.hasServerData() && challenge(s, ok.serverData()).isEmpty()) {
                        return;
                    }
                    s.loginSucceeded(ok.user());
                    return;
                }
                case SaslStep.Failure f -> {
                    switch (f.reason()) {
                        case MALFORMED -> s.bad(Pop3Reply.AUTH_MALFORMED); // counts: no endless cheap garbage
                        case INVALID_CREDENTIALS, AUTHORIZATION_FAILED -> s.loginFailed(f.username());
                        case UNAVAILABLE -> s.reply(Pop3Reply.TEMP_FAILURE);
                    }
                    return;
                }
            }
        }
    }

    /** Sends {@code + base64} and reads the answer; empty when the exchange ended (reply already sent). */
    private static Optional<byte[]> challenge(Pop3Session s, byte[] data) throws IOException {
        s.reply("+ " + Base64.getEncoder().encodeToString(data));
        s.connection().flush();
        LineReader.Line line;
        try {
            line = s.connection().reader().readLine(false);
        } catch (SocketTimeoutException e) {
            s.reply(Pop3Reply.TIMEOUT);
            s.close();
            return Optional.empty();
        }
        switch (line.status()) {
            case EOF -> {
                s.close();
                return Optional.empty();
            }
            case TOO_LONG -> {
                s.bad(Pop3Reply.AUTH_MALFORMED);
                return Optional.empty();
            }
            default -> {
                // handled below
            }
        }
        String text = line.ascii().strip();
        if (text.equals("*")) {
            s.reply(Pop3Reply.AUTH_CANCELLED); // RFC 5034 §4: a cancelled exchange fails with -ERR
            return Optional.empty();
        }
        Optional<byte[]> bytes = decode(text);
        if (bytes.isEmpty()) {
            s.bad(Pop3Reply.AUTH_MALFORMED);
        }
        return bytes;
    }

    private static Optional<byte[]> decode(String b64) {
        if (b64.equals("=")) {
            return Optional.of(new byte[0]); // RFC 5034 §4: "=" is an empty initial response
        }
        try {
            return Optional.of(Base64.getDecoder().decode(b64));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    @Override
    public String toString() {
        return "AuthCommand[mechanism=" + mechanism.orElse("") + "]"; // the initial response may hold a password
    }
}
