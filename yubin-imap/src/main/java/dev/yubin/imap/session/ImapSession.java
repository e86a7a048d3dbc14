package dev.yubin.imap.session;

import dev.yubin.imap.command.CommandParser;
import dev.yubin.imap.command.IdleCommand;
import dev.yubin.imap.protocol.CommandReader;
import dev.yubin.imap.protocol.MUtf7;
import dev.yubin.imap.protocol.ParseException;
import dev.yubin.imap.protocol.ResponseWriter;
import dev.yubin.net.Connection;
import dev.yubin.net.LineReader;
import dev.yubin.store.StoreException;
import dev.yubin.store.User;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.SocketTimeoutException;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One IMAP connection: reads commands, checks the state machine (RFC 9051 §3), runs each command's
 * processor and writes its tagged result after any pending untagged updates.
 *
 * <p>Concurrency: the session's thread runs commands holding {@link #lock()}; while the client is
 * in IDLE the lock is free, and a store notification pushes updates from another virtual thread.
 */
public final class ImapSession {
    private static final Logger LOG = LoggerFactory.getLogger(ImapSession.class);

    /** RFC 9051 §3 connection states. */
    public enum State { NOT_AUTHENTICATED, AUTHENTICATED, SELECTED, LOGOUT }

    private final Services services;
    private final Connection connection;
    private final CommandReader commandReader;
    private final CommandParser parser;
    private final Dispatcher dispatcher;
    private final ReentrantLock lock = new ReentrantLock();
    private final ResponseWriter out;
    private LineReader in;
    private State state = State.NOT_AUTHENTICATED;
    private User user;
    private Runnable releaseSlot;
    private SelectedMailbox selected;
    private final Extensions extensions = new Extensions();
    private int badCommands;
    private String currentTag = "*";
    private boolean compressed;
    private volatile boolean idling;
    private String byeAfterReply;

    public ImapSession(Services services, Connection connection) {
        this.services = services;
        this.connection = connection;
        this.commandReader = new CommandReader(services.settings().maxMessageBytes(),
                services.settings().maxCommandBytes(), services.literals());
        this.parser = new CommandParser(services.settings().maxNesting());
        this.dispatcher = new Dispatcher(this);
        this.out = new ResponseWriter(connection.output());
        this.in = connection.reader();
    }

    /** Runs the session until LOGOUT, disconnect, timeout or a fatal protocol error. */
    public void run() throws IOException {
        try {
            if (services.throttle().isBanned(connection.remoteAddress())) {
                out.ascii("* BYE [UNAVAILABLE] Too many failed logins; try again later").crlf();
                out.flush();
                return;
            }
            if (connection.overLimit()) {
                out.ascii("* BYE [UNAVAILABLE] Too many connections, try again later").crlf();
                out.flush();
                return;
            }
            out.ascii("* OK [CAPABILITY ").ascii(Capabilities.of(this)).ascii("] ")
                    .ascii(services.settings().greeting()).crlf();
            out.flush();
            LOG.debug("event=imap.session_start conn={} remote={}", connection.id(), connection.remoteAddress());
            loop();
        } finally {
            closeSelected();
            if (releaseSlot != null) {
                releaseSlot.run();
            }
            LOG.debug("event=imap.session_end conn={} user={}", connection.id(), userName());
        }
    }

    private void loop() throws IOException {
        while (state != State.LOGOUT) {
            connection.setReadTimeout(state == State.NOT_AUTHENTICATED
                    ? services.settings().preLoginTimeout() : services.settings().idleTimeout());
            CommandReader.Read read;
            try {
                read = commandReader.read(in, this::sendContinuation);
            } catch (SocketTimeoutException e) {
                bye("Autologout; idle for too long");
                return;
            }
            switch (read) {
                case CommandReader.Read.Eof eof -> {
                    return;
                }
                case CommandReader.Read.LineTooLong tooLong -> {
                    bye("[TOOBIG] Command line too long");
                    return;
                }
                case CommandReader.Read.LiteralOverrun overrun -> {
                    bye("[TOOBIG] Literal too large");
                    return;
                }
                case CommandReader.Read.LiteralRefused refused -> {
                    // RFC 7888 §4 / RFC 9051 §7.1: refuse before the client sends it
                    tagged(refused.tag(), Responses.TOO_BIG);
                    flushIfIdle();
                }
                case CommandReader.Read.Command c -> {
                    try {
                        handle(c);
                    } finally {
                        commandReader.release(c.command());
                    }
                    if (state != State.LOGOUT) {
                        flushIfIdle();
                    }
                }
            }
        }
        out.flush();
    }

    private void handle(CommandReader.Read.Command c) throws IOException {
        CommandParser.Tagged t;
        try {
            t = parser.parse(c.command());
        } catch (CommandParser.Failure f) {
            LOG.debug("event=imap.bad_command conn={} error={}", connection.id(), f.getMessage());
            tagged(f.tag(), new Result.Bad(null, f.getMessage()));
            countBad();
            return;
        }
        Result stateError = checkState(t.command());
        if (stateError != null) {
            tagged(t.tag(), stateError);
            countBad();
            return;
        }
        currentTag = t.tag();
        if (t.command() instanceof IdleCommand) {
            tagged(t.tag(), new IdleProcessor().idle(this));
            return;
        }
        long started = System.nanoTime();
        lock.lock();
        Result result;
        try {
            try {
                if (selected != null && state == State.SELECTED) {
                    // announce what arrived before this command, so "1:*" includes it
                    selected.sendUpdates(t.command().expungeAllowed());
                }
                result = dispatcher.dispatch(t.tag(), t.command());
            } catch (ParseException e) {
                result = new Result.Bad(null, e.getMessage());
            } catch (StoreException.NotFound e) {
                result = Responses.NONEXISTENT;
            } catch (StoreException.Conflict e) {
                result = new Result.No("CANNOT", e.getMessage());
            } catch (StoreException.OverQuota e) {
                result = Responses.OVER_QUOTA;
            } catch (StoreException e) {
                LOG.warn("event=imap.store_failed conn={} user={} command={}", connection.id(), userName(),
                        t.command().getClass().getSimpleName(), e);
                result = Responses.UNAVAILABLE;
            } catch (RuntimeException e) {
                LOG.error("event=imap.command_failed conn={} user={} command={}", connection.id(), userName(),
                        t.command().getClass().getSimpleName(), e);
                result = Responses.SERVER_BUG;
            }
            if (selected != null && state == State.SELECTED) {
                try {
                    selected.sendUpdates(t.command().expungeAllowed());
                } catch (RuntimeException e) {
                    // the command itself is done; its updates come with the next one
                    selected.markDirty();
                    LOG.warn("event=imap.update_failed conn={} user={}", connection.id(), userName(), e);
                }
            }
            if (result != null) {
                tagged(t.tag(), result); // null: the processor already answered (STARTTLS, COMPRESS)
            }
        } finally {
            lock.unlock();
        }
        if (LOG.isDebugEnabled()) {
            LOG.debug("event=imap.command conn={} user={} command={} result={} micros={}", connection.id(), userName(),
                    t.command().getClass().getSimpleName(), result == null ? "OK" : result.getClass().getSimpleName(),
                    (System.nanoTime() - started) / 1000);
        }
        if (byeAfterReply != null) {
            bye(byeAfterReply);
            return;
        }
        if (result instanceof Result.Bad) {
            countBad();
        }
    }

    private Result checkState(dev.yubin.imap.command.Command command) {
        return switch (command.allowed()) {
            case ANY -> null;
            case NOT_AUTHENTICATED -> state == State.NOT_AUTHENTICATED ? null : Responses.ALREADY_AUTHENTICATED;
            case AUTHENTICATED -> state == State.NOT_AUTHENTICATED ? Responses.NOT_AUTHENTICATED : null;
            case SELECTED -> switch (state) {
                case NOT_AUTHENTICATED -> Responses.NOT_AUTHENTICATED;
                case SELECTED -> null;
                default -> Responses.NOT_SELECTED;
            };
        };
    }

    private void countBad() throws IOException {
        if (state == State.NOT_AUTHENTICATED && ++badCommands >= services.settings().maxBadCommandsBeforeLogin()) {
            bye("Too many invalid commands");
        }
    }

    private void bye(String text) throws IOException {
        out.ascii("* BYE ").ascii(text).crlf();
        out.flush();
        state = State.LOGOUT;
    }

    private void sendContinuation() throws IOException {
        out.ascii("+ Ready for literal data").crlf();
        out.flush();
    }

    /**
     * Flushes unless the client's next command is already in the read buffer (pipelining: answer
     * several commands with one write). Only the buffer is looked at, not the socket: asking the
     * kernel ({@code available()}) would cost a system call for every command.
     */
    private void flushIfIdle() throws IOException {
        if (out.buffered() > 0 && in.buffered() == 0) {
            out.flush();
        }
    }

    /** Writes {@code tag OK|NO|BAD [code] text}. */
    void tagged(String tag, Result r) throws IOException {
        out.ascii(tag).sp().ascii(switch (r) {
            case Result.Ok ok -> "OK";
            case Result.No no -> "NO";
            case Result.Bad bad -> "BAD";
        }).sp();
        if (r.code() != null) {
            out.ch('[').ascii(r.code()).ch(']').sp();
        }
        out.ascii(r.text()).crlf();
    }

    // --- accessors used by the processors ---

    public Services services() {
        return services;
    }

    public Connection connection() {
        return connection;
    }

    public ResponseWriter out() {
        return out;
    }

    public LineReader in() {
        return in;
    }

    public State state() {
        return state;
    }

    /** The tag of the command being run (ESEARCH responses quote it). */
    public String currentTag() {
        return currentTag;
    }

    public User user() {
        return user;
    }

    public Extensions extensions() {
        return extensions;
    }

    public SelectedMailbox selected() {
        return selected;
    }

    ReentrantLock lock() {
        return lock;
    }

    boolean idling() {
        return idling;
    }

    void setIdling(boolean on) {
        idling = on;
    }

    String userName() {
        return user == null ? "-" : user.address().canonical();
    }

    /** Moves to the authenticated state (after LOGIN/AUTHENTICATE). */
    Result authenticated(User u) {
        Runnable slot = services.limiter().acquire(u.id(), connection.remoteAddress());
        if (slot == null) {
            LOG.info("event=imap.session_limit conn={} user={}", connection.id(), u.address().canonical());
            return Responses.LIMIT_SESSIONS;
        }
        this.releaseSlot = slot;
        this.user = u;
        this.state = State.AUTHENTICATED;
        LOG.info("event=imap.login conn={} user={} remote={}", connection.id(), u.address().canonical(),
                connection.remoteAddress().getHostAddress());
        return null;
    }

    void select(SelectedMailbox mailbox) {
        closeSelected();
        this.selected = mailbox;
        this.state = State.SELECTED;
    }

    /** Leaves the selected state (CLOSE, UNSELECT, failed SELECT). */
    void unselect() {
        closeSelected();
        if (state == State.SELECTED) {
            state = State.AUTHENTICATED;
        }
    }

    private void closeSelected() {
        if (selected != null) {
            selected.close();
            selected = null;
        }
    }

    void logout() {
        state = State.LOGOUT;
    }

    /** True if authentication may happen on this connection now (RFC 9051 §11.1 LOGINDISABLED). */
    public boolean cleartextAllowed() {
        return services.sasl().passwordsAllowed(dev.yubin.net.auth.ClientChannel.of(connection));
    }

    /** Ends the session with BYE once the current command's tagged reply is written. */
    void byeAfterReply(String text) {
        this.byeAfterReply = text;
    }

    boolean compressed() {
        return compressed;
    }

    /** Re-reads the streams after STARTTLS. */
    void afterTls() {
        out.setOutput(connection.output());
        in = connection.reader();
    }

    /** Starts DEFLATE in both directions (RFC 4978 §4) after the OK was flushed. */
    void startCompression() {
        LineReader old = in;
        InputStream raw = new InputStream() {
            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                return old.read(b, off, len);
            }
        };
        java.util.zip.Inflater inflater = new java.util.zip.Inflater(true);
        InputStream inflating = new java.util.zip.InflaterInputStream(raw, inflater, 1024) {
            @Override
            public int available() throws IOException {
                // the default says 1 until EOF, which would defeat "flush when no command is pending"
                return inflater.getRemaining() > 0 || old.hasBuffered() ? 1 : 0;
            }
        };
        in = new LineReader(inflating, old.maxLineLength());
        OutputStream deflate = new java.util.zip.DeflaterOutputStream(connection.output(),
                new java.util.zip.Deflater(java.util.zip.Deflater.DEFAULT_COMPRESSION, true), 4096, true);
        out.setOutput(deflate);
        compressed = true;
    }

    /** The store name of a mailbox name as the client wrote it (modified UTF-7 unless UTF-8 is on). */
    public String mailboxName(String wire) throws ParseException {
        String name = extensions.utf8() ? wire : MUtf7.decode(wire);
        while (name.length() > 1 && name.endsWith("/")) {
            name = name.substring(0, name.length() - 1);
        }
        if (name.equalsIgnoreCase("INBOX")) {
            return "INBOX";
        }
        if (name.regionMatches(true, 0, "INBOX/", 0, 6)) {
            return "INBOX" + name.substring(5);
        }
        return name;
    }

    /** A store mailbox name as it must be sent to this client. */
    public String wireName(String name) {
        return extensions.utf8() ? name : MUtf7.encode(name);
    }
}
