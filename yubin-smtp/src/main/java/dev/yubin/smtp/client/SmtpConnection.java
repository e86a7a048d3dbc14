package dev.yubin.smtp.client;

import dev.yubin.smtp.client.Extensions.Keyword;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One client connection to an SMTP server (RFC 5321): greeting, EHLO (HELO when EHLO is refused,
 * RFC 5321 §3.2), STARTTLS when offered (RFC 3207, opportunistic), then any number of mail
 * transactions ({@link #send}), then QUIT. Not thread-safe: one delivery agent uses it at a time.
 *
 * <p>A transaction uses PIPELINING (RFC 2920) when offered (MAIL, every RCPT and DATA in one
 * write), SIZE (RFC 1870), BODY=8BITMIME (RFC 6152), SMTPUTF8 (RFC 6531), BDAT (RFC 3030) when
 * CHUNKING is offered, and the DSN parameters (RFC 3461) when DSN is offered.
 */
public final class SmtpConnection implements Closeable {
    private static final Logger LOG = LoggerFactory.getLogger(SmtpConnection.class);

    private final ClientSettings settings;
    private final String serverName;
    private final Watchdog watchdog;
    private final Optional<RequiredTls> required;
    private Socket socket;
    private InputStream in;
    private OutputStream out;
    private ReplyReader replies;
    private Extensions extensions = Extensions.NONE;
    private boolean tls;
    private boolean usable = true;
    private boolean dirty;

    private SmtpConnection(ClientSettings settings, String serverName, Socket socket, Optional<RequiredTls> required)
            throws IOException {
        this.settings = settings;
        this.serverName = serverName;
        this.required = required;
        this.watchdog = new Watchdog();
        attach(socket);
    }

    /**
     * Connects, reads the greeting, says EHLO and, when offered and the policy allows, starts TLS.
     * A TLS handshake that fails under the opportunistic policy is retried once without TLS on a
     * new connection (as Postfix does).
     *
     * @param serverName the MX host name (for logs, DSNs and TLS SNI)
     * @throws SmtpClientException on a malformed exchange; a {@link Refused} when the server
     *     refused us with a reply (greeting or EHLO/HELO not 2xx)
     */
    public static SmtpConnection open(InetSocketAddress address, String serverName, ClientSettings settings)
            throws IOException {
        return open(address, serverName, settings, Optional.empty());
    }

    /**
     * As {@link #open(InetSocketAddress, String, ClientSettings)}; with {@code required} present,
     * STARTTLS with a certificate it accepts is mandatory and there is no plaintext fallback
     * (RFC 8461 §4.2, RFC 7672 §2.2): failure is a {@link RequiredTls.TlsRequiredException}.
     */
    public static SmtpConnection open(InetSocketAddress address, String serverName, ClientSettings settings,
                                      Optional<RequiredTls> required) throws IOException {
        try {
            return openOnce(address, serverName, settings, required);
        } catch (TlsFailure e) {
            if (settings.tls() != ClientSettings.TlsPolicy.OPPORTUNISTIC || required.isPresent()) {
                throw e;
            }
            LOG.info("event=smtp_client.tls_failed host={} addr={} reason=\"{}\" fallback=plaintext", serverName,
                    address, e.getMessage());
            return openOnce(address, serverName, settings.withTls(ClientSettings.TlsPolicy.NONE), required);
        }
    }

    private static SmtpConnection openOnce(InetSocketAddress address, String serverName, ClientSettings settings,
                                           Optional<RequiredTls> required) throws IOException {
        Socket s = new Socket();
        try {
            s.setTcpNoDelay(true);
            s.connect(address, (int) settings.connectTimeout().toMillis());
            SmtpConnection c = new SmtpConnection(settings, serverName, s, required);
            c.start();
            return c;
        } catch (IOException | RuntimeException e) {
            s.close();
            throw e;
        }
    }

    /** Thrown by {@link #open} when the server answered the greeting or EHLO/HELO negatively. */
    public static final class Refused extends SmtpClientException {
        private final transient Reply reply;

        Refused(Reply reply) {
            super("refused: " + reply.oneLine());
            this.reply = reply;
        }

        public Reply reply() {
            return reply;
        }
    }

    private static final class TlsFailure extends RequiredTls.TlsRequiredException {
        TlsFailure(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private void attach(Socket s) throws IOException {
        this.socket = s;
        this.in = new BufferedInputStream(s.getInputStream(), 16 * 1024);
        this.out = new BufferedOutputStream(s.getOutputStream(), 64 * 1024);
        this.replies = new ReplyReader(in, settings.maxReplyLineLength(), settings.maxReplyLines());
    }

    private void start() throws IOException {
        Reply greeting = read(settings.greetingTimeout()); // RFC 5321 §4.5.3.2.1
        if (!greeting.isPositive()) {
            throw new Refused(greeting); // RFC 5321 §3.1: 554 greeting, do not try this server now
        }
        hello();
        if (required.isPresent() && !extensions.has(Keyword.STARTTLS)) {
            // RFC 8461 §4.2, RFC 7672 §2.2: no STARTTLS means no delivery to this host, never plaintext
            throw new RequiredTls.TlsRequiredException(serverName + " does not offer STARTTLS, required by "
                    + required.get().policy());
        }
        if (extensions.has(Keyword.STARTTLS) && (settings.tls() != ClientSettings.TlsPolicy.NONE || required.isPresent())) {
            startTls();
            hello(); // RFC 3207 §4.2: forget what was learned before TLS, EHLO again
        }
    }

    private void hello() throws IOException {
        command("EHLO " + settings.heloName());
        Reply ehlo = read(settings.greetingTimeout());
        if (ehlo.isPositive()) {
            extensions = Extensions.parse(ehlo);
            return;
        }
        if (ehlo.code() == 421) {
            throw new Refused(ehlo);
        }
        command("HELO " + settings.heloName()); // RFC 5321 §3.2: fall back for old servers
        Reply helo = read(settings.greetingTimeout());
        if (!helo.isPositive()) {
            throw new Refused(helo);
        }
        extensions = Extensions.NONE;
    }

    private void startTls() throws IOException {
        command("STARTTLS");
        Reply r = read(settings.greetingTimeout());
        if (!r.isPositive()) {
            LOG.info("event=smtp_client.starttls_refused host={} reply=\"{}\"", serverName, r.oneLine());
            if (required.isPresent()) {
                throw new RequiredTls.TlsRequiredException(serverName + " refused STARTTLS (" + r.oneLine()
                        + "), required by " + required.get().policy());
            }
            return; // go on in plaintext (opportunistic)
        }
        if (in.available() > 0) {
            throw new SmtpClientException("server sent data after its STARTTLS reply"); // RFC 3207 §5
        }
        try {
            attach(ClientTls.handshake(socket, serverName, settings, required));
            tls = true;
        } catch (IOException e) {
            throw new TlsFailure(required.map(t -> t.policy() + ": ").orElse("") + "TLS with " + serverName
                    + " failed: " + e.getMessage(), e);
        }
    }

    public Extensions extensions() {
        return extensions;
    }

    public boolean isTls() {
        return tls;
    }

    public String serverName() {
        return serverName;
    }

    /** False after a 421, a protocol error or an I/O error: open a new connection. */
    public boolean isUsable() {
        return usable && !socket.isClosed();
    }

    /**
     * Runs one mail transaction. Decisions taken before any command (the receiver lacks SMTPUTF8,
     * the message exceeds its SIZE) come back as {@link Reply.Origin#LOCAL} replies.
     *
     * @throws IOException when the connection failed during the transaction: every recipient not
     *     yet answered counts as temporarily failed, and this connection is unusable
     */
    public TransactionResult send(ClientEnvelope envelope, OutgoingMessage message) throws IOException {
        int n = envelope.recipients().size();
        if (envelope.requiresSmtpUtf8() && !extensions.has(Keyword.SMTPUTF8)) {
            // RFC 6531 §3.2: never send an internationalized message to a server without SMTPUTF8
            return TransactionResult.all(Reply.local(554, "5.6.7",
                    "the receiving server " + serverName + " does not support SMTPUTF8, which this message needs"), n);
        }
        long max = extensions.maxSize().orElse(0);
        if (extensions.has(Keyword.SIZE) && max > 0 && message.length() > max) {
            return TransactionResult.all(Reply.local(552, "5.3.4", "message of " + message.length()
                    + " octets exceeds the limit of " + max + " of " + serverName), n); // RFC 1870 §6
        }
        try {
            if (dirty) {
                command("RSET");
                checkNot421(read(settings.mailTimeout()));
                dirty = false;
            }
            return transaction(envelope, message);
        } catch (IOException e) {
            usable = false;
            throw e;
        }
    }

    private TransactionResult transaction(ClientEnvelope envelope, OutgoingMessage message) throws IOException {
        boolean pipelining = extensions.has(Keyword.PIPELINING);
        boolean chunking = extensions.has(Keyword.CHUNKING);
        dirty = true;
        List<String> rcpts = new ArrayList<>();
        for (ClientEnvelope.Rcpt r : envelope.recipients()) {
            rcpts.add(Commands.rcpt(r, extensions));
        }
        String mail = Commands.mail(envelope, message.length(), extensions);
        Reply mailReply;
        List<Reply> rcptReplies = new ArrayList<>(rcpts.size());
        Reply dataStart = null;
        if (pipelining) {
            command(mail);
            for (String r : rcpts) {
                command(r);
            }
            if (!chunking) {
                command("DATA"); // RFC 2920 §3.1: DATA may end a pipelined group
            }
            flush();
            mailReply = read(settings.mailTimeout());
            for (int i = 0; i < rcpts.size(); i++) {
                rcptReplies.add(read(settings.rcptTimeout()));
            }
            if (!chunking) {
                dataStart = read(settings.dataInitTimeout());
            }
        } else {
            commandFlush(mail);
            mailReply = read(settings.mailTimeout());
            if (!mailReply.isPositive()) {
                checkNot421(mailReply);
                return TransactionResult.all(mailReply, rcpts.size());
            }
            for (String r : rcpts) {
                commandFlush(r);
                Reply reply = read(settings.rcptTimeout());
                rcptReplies.add(reply);
                checkNot421(reply);
            }
        }
        checkNot421(mailReply);
        if (!mailReply.isPositive()) {
            if (dataStart != null && dataStart.isIntermediate()) {
                endData(); // a broken server took DATA anyway: send an empty message's end, ignore it
            }
            return TransactionResult.all(mailReply, rcpts.size());
        }
        rcptReplies.forEach(this::checkNot421);
        boolean anyAccepted = rcptReplies.stream().anyMatch(Reply::isPositive);
        Reply end;
        if (!anyAccepted) {
            if (dataStart != null && dataStart.isIntermediate()) {
                endData(); // RFC 2920 §3.1: DATA accepted without recipients: send only the dot
            }
            return new TransactionResult(rcptReplies);
        }
        if (chunking) {
            end = bdat(message);
        } else {
            if (dataStart == null) {
                commandFlush("DATA");
                dataStart = read(settings.dataInitTimeout()); // RFC 5321 §4.5.3.2.4
            }
            if (!dataStart.isIntermediate()) {
                checkNot421(dataStart);
                return perRecipient(rcptReplies, dataStart);
            }
            end = data(message);
        }
        dirty = false;
        checkNot421(end);
        return perRecipient(rcptReplies, end);
    }

    private static TransactionResult perRecipient(List<Reply> rcptReplies, Reply end) {
        List<Reply> out = new ArrayList<>(rcptReplies.size());
        for (Reply r : rcptReplies) {
            out.add(r.isPositive() ? end : r);
        }
        return new TransactionResult(out);
    }

    private Reply data(OutgoingMessage message) throws IOException {
        try (InputStream body = message.open(); Watchdog.Armed ignored = watchdog.arm(socket, blockDeadline(message))) {
            DotStuffer.copy(body, out);
            out.flush();
        }
        return read(settings.dataTerminationTimeout()); // RFC 5321 §4.5.3.2.6
    }

    private Reply bdat(OutgoingMessage message) throws IOException {
        // RFC 3030 §2: one chunk with LAST; the octets are sent as they are, no dot-stuffing
        command("BDAT " + message.length() + " LAST");
        try (InputStream body = message.open(); Watchdog.Armed ignored = watchdog.arm(socket, blockDeadline(message))) {
            long copied = body.transferTo(out);
            if (copied != message.length()) {
                throw new SmtpClientException("message body changed length: " + copied + " != " + message.length());
            }
            out.flush();
        }
        return read(settings.dataTerminationTimeout());
    }

    /** The data block timeout per 64 KiB written, at least once (RFC 5321 §4.5.3.2.5 is per write). */
    private Duration blockDeadline(OutgoingMessage message) {
        return settings.dataBlockTimeout().multipliedBy(1 + message.length() / (1 << 20));
    }

    private void endData() throws IOException {
        commandFlush(".");
        read(settings.dataTerminationTimeout());
    }

    private void checkNot421(Reply r) {
        if (r.code() == 421) {
            usable = false; // RFC 5321 §3.8: the server is closing the channel
        }
    }

    private void command(String line) throws IOException {
        out.write(line.getBytes(StandardCharsets.UTF_8));
        out.write('\r');
        out.write('\n');
    }

    private void commandFlush(String line) throws IOException {
        command(line);
        flush();
    }

    private void flush() throws IOException {
        out.flush();
    }

    private Reply read(Duration timeout) throws IOException {
        out.flush();
        socket.setSoTimeout((int) Math.min(Integer.MAX_VALUE, timeout.toMillis()));
        try {
            return replies.read();
        } catch (java.net.SocketTimeoutException e) {
            usable = false;
            throw new SmtpClientException("timeout after " + timeout.toSeconds() + "s waiting for " + serverName, e);
        }
    }

    /** Sends QUIT and closes (RFC 5321 §4.1.1.10); errors are ignored. */
    public void quit() {
        if (isUsable()) {
            try {
                commandFlush("QUIT");
                socket.setSoTimeout(2_000);
                replies.read();
            } catch (IOException e) {
                LOG.debug("event=smtp_client.quit_failed host={}", serverName, e);
            }
        }
        close();
    }

    @Override
    public void close() {
        usable = false;
        try {
            socket.close();
        } catch (IOException e) {
            LOG.debug("event=smtp_client.close_failed host={}", serverName, e);
        }
    }
}
