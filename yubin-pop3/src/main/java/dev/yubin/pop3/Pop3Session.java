package dev.yubin.pop3;

import dev.yubin.net.Connection;
import dev.yubin.net.LineReader;
import dev.yubin.net.auth.ClientChannel;
import dev.yubin.net.auth.LoginThrottle;
import dev.yubin.store.Mailbox;
import dev.yubin.store.StoreException;
import dev.yubin.store.User;
import dev.yubin.store.UserId;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One POP3 conversation (RFC 1939 §3): greeting, AUTHORIZATION, TRANSACTION, and UPDATE only
 * after QUIT. The only place that catches failures: a store error is answered {@code -ERR
 * [SYS/TEMP]} and the session goes on; a connection error ends it. Whatever way it ends, the
 * maildrop lock is released, and without QUIT nothing is deleted (RFC 1939 §6).
 */
final class Pop3Session {
    private static final Logger LOG = LoggerFactory.getLogger(Pop3Session.class);

    private final Pop3Server server;
    private final Connection conn;
    private final MessageStreamer streamer = new MessageStreamer();
    private Pop3State state = Pop3State.AUTHORIZATION;
    private String pendingUser;
    private User user;
    private UserId locked;
    private Maildrop maildrop;
    private int badCommands;
    private boolean utf8;
    private boolean closing;

    Pop3Session(Pop3Server server, Connection conn) {
        this.server = server;
        this.conn = conn;
    }

    void run() throws IOException {
        try {
            conn.setReadTimeout(server.settings().idleTimeout());
            if (conn.overLimit()) {
                reply(Pop3Reply.BUSY);
                return;
            }
            if (server.throttle().isBanned(conn.remoteAddress())) {
                reply(Pop3Reply.BANNED);
                return;
            }
            LOG.debug("event=pop3.session_start conn={} remote={} tls={}", conn.id(),
                    conn.remoteAddress().getHostAddress(), conn.isSecure());
            reply(Pop3Reply.GREETING);
            loop();
        } finally {
            try {
                conn.flush();
            } catch (IOException ignored) {
                // connection already gone
            }
            if (locked != null) {
                server.locks().unlock(locked, conn.id());
            }
            LOG.debug("event=pop3.session_end conn={} user={} state={}", conn.id(),
                    user == null ? "-" : user.address(), state);
        }
    }

    private void loop() throws IOException {
        while (!closing) {
            if (!conn.reader().hasBuffered()) {
                conn.flush(); // RFC 2449 §6.6 PIPELINING: answer a batch with one write
            }
            LineReader.Line line;
            try {
                line = conn.reader().readLine(false);
            } catch (SocketTimeoutException e) {
                reply(Pop3Reply.TIMEOUT); // RFC 1939 §3: autologout timer; no UPDATE state
                return;
            }
            switch (line.status()) {
                case EOF -> {
                    return;
                }
                case TOO_LONG -> bad(Pop3Reply.LINE_TOO_LONG);
                default -> {
                    if (line.length() > Pop3Settings.MAX_COMMAND_LINE - 2) {
                        bad(Pop3Reply.LINE_TOO_LONG); // RFC 2449 §4: 255 octets including CRLF
                    } else {
                        dispatch(line.text());
                    }
                }
            }
        }
    }

    private void dispatch(String text) throws IOException {
        switch (Pop3Parser.parse(text)) {
            case Pop3Parser.Parsed.Error e -> bad(e.reply());
            case Pop3Parser.Parsed.Command c -> {
                if (!c.command().states().contains(state)) {
                    bad(Pop3Reply.BAD_STATE);
                    return;
                }
                try {
                    c.command().execute(this);
                } catch (StoreException e) {
                    LOG.warn("event=pop3.store_failed conn={} user={}", conn.id(), user == null ? "-" : user.address(), e);
                    reply(Pop3Reply.TEMP_FAILURE);
                }
            }
        }
    }

    /** Answers a bad command; after too many, says so and ends the session. */
    void bad(String reply) throws IOException {
        badCommands++;
        if (badCommands >= server.settings().maxBadCommands()) {
            reply(Pop3Reply.TOO_MANY_BAD);
            closing = true;
        } else {
            reply(reply);
        }
    }

    // ---- used by the commands ----

    Pop3Server server() {
        return server;
    }

    Connection connection() {
        return conn;
    }

    ClientChannel channel() {
        return ClientChannel.of(conn);
    }

    Pop3State state() {
        return state;
    }

    Maildrop maildrop() {
        return maildrop;
    }

    MessageStreamer streamer() {
        return streamer;
    }

    Optional<String> pendingUser() {
        return Optional.ofNullable(pendingUser);
    }

    void setPendingUser(String name) {
        pendingUser = name;
    }

    void enableUtf8() {
        utf8 = true;
    }

    boolean utf8() {
        return utf8;
    }

    void close() {
        closing = true;
    }

    void enterUpdate() {
        state = Pop3State.UPDATE;
    }

    /** Writes one status line (no flush: the loop flushes when no pipelined command waits). */
    void reply(String line) throws IOException {
        conn.output().write(line.getBytes(StandardCharsets.UTF_8));
        conn.output().write('\r');
        conn.output().write('\n');
    }

    /** Writes a multi-line response: the status line, the lines, and the terminating ".". */
    void replyLines(String status, List<String> lines) throws IOException {
        StringBuilder sb = new StringBuilder(status.length() + 16 * lines.size() + 8).append(status).append("\r\n");
        for (String l : lines) {
            if (l.startsWith(".")) {
                sb.append('.'); // RFC 1939 §3 byte-stuffing
            }
            sb.append(l).append("\r\n");
        }
        sb.append(".\r\n");
        conn.output().write(sb.toString().getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Before a login attempt: a banned address is told so and disconnected.
     *
     * @return false when the attempt must not proceed
     */
    boolean mayAttemptLogin() throws IOException {
        if (server.throttle().isBanned(conn.remoteAddress())) {
            reply(Pop3Reply.BANNED);
            closing = true;
            return false;
        }
        return true;
    }

    /** After a wrong password: delay, {@code -ERR [AUTH]}, and disconnect if the address is now banned. */
    void loginFailed(String username) throws IOException {
        LoginThrottle.Penalty p = server.throttle().failed(conn.remoteAddress(), username);
        LOG.info("event=pop3.login_failed conn={} remote={} user={} delay_ms={} banned={}", conn.id(),
                conn.remoteAddress().getHostAddress(), username, p.delay().toMillis(), p.banned());
        conn.flush();
        try {
            p.sleep();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            closing = true;
        }
        reply(Pop3Reply.AUTH_FAILED);
        if (p.banned()) {
            closing = true;
        }
    }

    /** After a correct password: lock and open the maildrop, enter TRANSACTION (RFC 1939 §4). */
    void loginSucceeded(User who) throws IOException {
        server.throttle().succeeded(conn.remoteAddress(), who.address().toString());
        if (!server.loginDelayPassed(who.id())) {
            reply(Pop3Reply.LOGIN_DELAY); // RFC 2449 §8.1.2
            return;
        }
        if (!server.locks().tryLock(who.id(), conn.id())) {
            reply(Pop3Reply.IN_USE); // RFC 2449 §8.1.1
            return;
        }
        locked = who.id();
        try {
            Optional<Mailbox> inbox = server.store().mailbox(who.id(), Mailbox.INBOX);
            if (inbox.isEmpty()) {
                reply(Pop3Reply.NO_MAILDROP);
                releaseLock();
                return;
            }
            maildrop = new Maildrop(inbox.get(), server.store().messages(inbox.get().id()));
        } catch (StoreException e) {
            releaseLock();
            throw e;
        }
        user = who;
        pendingUser = null;
        state = Pop3State.TRANSACTION;
        server.recordLogin(who.id());
        LOG.info("event=pop3.login conn={} remote={} user={} messages={} tls={}", conn.id(),
                conn.remoteAddress().getHostAddress(), who.address(), maildrop.count(), conn.isSecure());
        reply(Pop3Reply.LOGGED_IN);
    }

    /** Releases the maildrop lock (at QUIT before the reply, so a client reconnecting at once finds it free). */
    void releaseLock() {
        if (locked != null) {
            server.locks().unlock(locked, conn.id());
            locked = null;
        }
    }

    User user() {
        return user;
    }
}
