package dev.yubin.smtp.server;

import dev.yubin.net.Connection;
import dev.yubin.net.LineReader;
import dev.yubin.smtp.server.command.SmtpCommand;
import dev.yubin.smtp.server.command.SmtpSyntaxException;
import dev.yubin.smtp.server.data.Spool;
import dev.yubin.store.User;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import javax.net.ssl.SSLSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One SMTP session on one connection: the command loop and the state the commands share
 * (greeting, transaction, error count). Runs on the connection's virtual thread; not thread-safe.
 *
 * <p>RFC 5321 §4.1.4 (command order), §4.3.2 (sequencing), §4.5.3.1.4 (line length), §2.3.8
 * (lines end with CRLF only), RFC 2920 (pipelining: replies are written as commands complete and
 * flushed only when no further command is waiting in the input buffer).
 */
public final class SmtpSession {
    private static final Logger LOG = LoggerFactory.getLogger(SmtpSession.class);

    private final SmtpServer server;
    private final Connection connection;
    private final SmtpSettings settings;
    private final Spool spool;
    private Optional<String> reverseName = Optional.empty();
    private ClientInfo.Greeting greeting = ClientInfo.Greeting.NONE;
    private String helo = "";
    private Optional<String> authUser = Optional.empty();
    private Optional<User> user = Optional.empty();
    private Transaction transaction;
    private int errors;
    private int accepted;
    private boolean closing;

    SmtpSession(SmtpServer server, Connection connection) {
        this.server = server;
        this.connection = connection;
        this.settings = server.settings();
        this.spool = new Spool(server.blobs(), settings.maxMessageSize(), settings.maxTextLineLength(),
                settings.inMemoryMessageLimit());
    }

    void run() throws IOException {
        connection.setReadTimeout(settings.commandTimeout());
        if (connection.overLimit()) {
            LOG.info("event=smtp.connection_refused conn={} remote={} reason=connection_limit",
                    connection.id(), connection.remoteAddress().getHostAddress());
            reply(SmtpReply.TOO_MANY_CONNECTIONS); // RFC 5321 §3.1: 421 instead of the 220 greeting
            connection.flush();
            return;
        }
        if (settings.reverseDns() == SmtpSettings.ReverseDns.ON) {
            String name = connection.remoteAddress().getCanonicalHostName();
            if (!name.equals(connection.remoteAddress().getHostAddress())) {
                reverseName = Optional.of(name);
            }
        }
        LOG.info("event=smtp.session_start conn={} listener={} remote={}", connection.id(),
                connection.listenerName(), connection.remoteAddress().getHostAddress());
        if (settings.mode() == SmtpSettings.Mode.SUBMISSION
                && server.access().throttle().isBanned(connection.remoteAddress())) {
            reply(SmtpReply.LOGIN_BANNED); // a banned address gets no further guesses
            connection.flush();
            return;
        }
        try {
            connection.write("220 " + settings.hostname() + " ESMTP Yubin\r\n");
            connection.flush();
            loop();
        } catch (SocketTimeoutException e) {
            LOG.info("event=smtp.timeout conn={} state={}", connection.id(), transaction == null ? "command" : "transaction");
            try {
                reply(SmtpReply.TIMEOUT);
                connection.flush();
            } catch (IOException ignored) {
                // the client is gone as well
            }
        } finally {
            spool.abandon();
            LOG.info("event=smtp.session_end conn={} accepted={} errors={}", connection.id(), accepted, errors);
        }
    }

    private void loop() throws IOException {
        while (!closing) {
            LineReader.Line line = connection.reader().readLine(true); // replaced by STARTTLS
            switch (line.status()) {
                case EOF -> {
                    return;
                }
                case TOO_LONG -> reply(SmtpReply.LINE_TOO_LONG); // RFC 5321 §4.5.3.1.10
                case BARE_LF, BARE_CR -> reply(SmtpReply.BARE_LINE_END); // RFC 5321 §2.3.8
                case OK -> dispatch(line);
                default -> throw new IllegalStateException("line status " + line.status());
            }
            if (!closing && !connection.reader().hasBuffered()) {
                connection.flush(); // RFC 2920 §3.1: one flush per pipelined group
            }
        }
        connection.flush();
    }

    private void dispatch(LineReader.Line line) throws IOException {
        String text = new String(line.bytes(), 0, line.length(), StandardCharsets.UTF_8);
        int sp = text.indexOf(' ');
        String verb = (sp < 0 ? text : text.substring(0, sp)).toUpperCase(Locale.ROOT);
        SmtpCommand<?> command = server.commands().get(verb);
        if (command == null) {
            reply(SmtpReply.UNRECOGNIZED);
            return;
        }
        int limit = command.lineLimit() == SmtpCommand.LineLimit.COMMAND
                ? settings.maxCommandLineLength() : settings.maxParameterLineLength();
        if (line.length() + 2 > limit) {
            reply(SmtpReply.LINE_TOO_LONG); // RFC 5321 §4.5.3.1.4
            return;
        }
        run(command, sp < 0 ? "" : text.substring(sp + 1));
    }

    private <A> void run(SmtpCommand<A> command, String arguments) throws IOException {
        A parsed;
        try {
            parsed = command.parse(arguments);
        } catch (SmtpSyntaxException e) {
            LOG.debug("event=smtp.syntax_error conn={} verb={} reply=\"{}\"", connection.id(), command.verb(), e.reply());
            reply(e.reply());
            return;
        }
        try {
            command.execute(this, parsed);
        } catch (IOException e) {
            throw e;
        } catch (RuntimeException e) {
            // ours (e.g. a directory lookup failed): 451 for this command; a transaction whose
            // data phase had begun cannot continue, one still collecting recipients can
            LOG.warn("event=smtp.internal_error conn={} verb={}", connection.id(), command.verb(), e);
            if (transaction != null && transaction.dataMode() != Transaction.DataMode.NONE) {
                resetTransaction();
            }
            reply(SmtpReply.LOCAL_ERROR);
        }
    }

    /**
     * Writes a reply (buffered). Every 4xx/5xx counts toward {@link SmtpSettings#maxErrors()}; at
     * the limit the session says {@code 421} and ends. A 421 names the server (RFC 5321 §3.8).
     */
    public void reply(SmtpReply reply) throws IOException {
        SmtpReply r = reply.code() == 421 ? reply.withText(settings.hostname() + " " + reply.lines().get(0)) : reply;
        connection.write(r.wire());
        if (reply.code() == 421) {
            closing = true;
            return;
        }
        if (reply.isError() && ++errors >= settings.maxErrors()) {
            LOG.info("event=smtp.error_limit conn={} errors={}", connection.id(), errors);
            reply(SmtpReply.TOO_MANY_ERRORS);
        }
    }

    /** Sends buffered replies now (before waiting for data the client only sends after a reply). */
    public void flush() throws IOException {
        connection.flush();
    }

    /** Ends the session after the current command. */
    public void close() {
        closing = true;
    }

    public boolean isClosing() {
        return closing;
    }

    public SmtpServer server() {
        return server;
    }

    public SmtpSettings settings() {
        return settings;
    }

    public Connection connection() {
        return connection;
    }

    public Spool spool() {
        return spool;
    }

    public String id() {
        return connection.id();
    }

    /** EHLO/HELO: records the greeting and resets any transaction (RFC 5321 §4.1.4). */
    public void greet(ClientInfo.Greeting kind, String name) {
        resetTransaction();
        this.greeting = kind;
        this.helo = name;
    }

    public ClientInfo.Greeting greeting() {
        return greeting;
    }

    public boolean isAuthenticated() {
        return authUser.isPresent();
    }

    /**
     * Records a successful AUTH (RFC 4954 §4): relaying to the {@link OutboundRouter} is allowed
     * from now on and {@code Received:} says ESMTPA (RFC 3848). For the AUTH command of issue 5.
     */
    public void authenticated(String identity) {
        if (identity == null || identity.isBlank()) {
            throw new IllegalArgumentException("empty SASL identity");
        }
        this.authUser = Optional.of(identity);
    }

    /** Records a successful AUTH as a directory user (submission: MAIL FROM must be theirs). */
    public void authenticated(User who) {
        authenticated(who.address().toString());
        this.user = Optional.of(who);
    }

    /** The user who authenticated with AUTH, if any. */
    public Optional<User> user() {
        return user;
    }

    /**
     * After a STARTTLS handshake: forget everything learned before it — greeting, transaction,
     * authentication (RFC 3207 §4.2). The connection has already dropped pipelined plaintext.
     */
    public void resetAfterTls() {
        resetTransaction();
        greeting = ClientInfo.Greeting.NONE;
        helo = "";
        authUser = Optional.empty();
        user = Optional.empty();
    }

    /** What filters and trace headers know of the client. */
    public ClientInfo client() {
        Optional<ClientInfo.Tls> tls = Optional.empty();
        SSLSession s = connection.tlsSession();
        if (s != null) {
            tls = Optional.of(new ClientInfo.Tls(s.getProtocol(), s.getCipherSuite()));
        }
        return new ClientInfo(connection.id(), connection.remoteAddress(), reverseName, greeting, helo, tls, authUser);
    }

    public Optional<Transaction> transaction() {
        return Optional.ofNullable(transaction);
    }

    public void begin(Transaction t) {
        spool.abandon();
        transaction = t;
    }

    /** RSET, EHLO, end of data: forgets the transaction and any partly received message. */
    public void resetTransaction() {
        transaction = null;
        spool.abandon();
    }

    /** Counts a message accepted in this session (for the session_end log line). */
    public void countAccepted() {
        accepted++;
    }
}
