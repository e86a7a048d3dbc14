package dev.yubin.smtp.server;

import dev.yubin.message.MessageIndexer;
import dev.yubin.net.Connection;
import dev.yubin.net.ConnectionHandler;
import dev.yubin.smtp.server.command.Commands;
import dev.yubin.smtp.server.command.SmtpCommand;
import dev.yubin.store.BlobStore;
import dev.yubin.store.Directory;
import dev.yubin.store.MailboxStore;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The SMTP server (RFC 5321) in its MX role (accepts mail for local domains and delivers it to
 * local mailboxes) or its submission role (RFC 6409: authenticated users send to anyone; see
 * {@link SmtpSettings.Mode}). STARTTLS and AUTH come from {@link SmtpAccess}. Shared by all sessions and thread-safe (it holds only immutable wiring); each
 * connection gets its own {@link SmtpSession}.
 *
 * <p>Wiring: {@code new Listener(listenerSettings, null, server.lineLimit(), server)}; for implicit
 * TLS (port 465, RFC 8314) pass the SSL context to the Listener instead of null.
 */
public final class SmtpServer implements ConnectionHandler {

    private final SmtpSettings settings;
    private final Directory directory;
    private final MailboxStore mailboxes;
    private final BlobStore blobs;
    private final MessageIndexer indexer;
    private final List<InboundFilter> filters;
    private final Clock clock;
    private final Optional<OutboundRouter> router;
    private final Map<String, SmtpCommand<?>> commands = Commands.mx();
    private final InboundDelivery delivery;
    private final SmtpAccess access;

    /** A server without outbound routing: alias targets outside Yubin are refused at RCPT (451). */
    public SmtpServer(SmtpSettings settings, Directory directory, MailboxStore mailboxes, BlobStore blobs,
                      MessageIndexer indexer, List<InboundFilter> filters, Clock clock) {
        this(settings, directory, mailboxes, blobs, indexer, filters, clock, Optional.empty(), SmtpAccess.none());
    }

    /** A server that hands mail for outside addresses to {@code router}. */
    public SmtpServer(SmtpSettings settings, Directory directory, MailboxStore mailboxes, BlobStore blobs,
                      MessageIndexer indexer, List<InboundFilter> filters, Clock clock, OutboundRouter router) {
        this(settings, directory, mailboxes, blobs, indexer, filters, clock,
                Optional.of(Objects.requireNonNull(router, "router")), SmtpAccess.none());
    }

    /**
     * The full form: an optional router for outside recipients, and TLS / AUTH ({@code access}).
     * {@link SmtpSettings.Mode#SUBMISSION} needs SASL mechanisms in {@code access}.
     */
    public SmtpServer(SmtpSettings settings, Directory directory, MailboxStore mailboxes, BlobStore blobs,
                      MessageIndexer indexer, List<InboundFilter> filters, Clock clock,
                      Optional<OutboundRouter> router, SmtpAccess access) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.directory = Objects.requireNonNull(directory, "directory");
        this.mailboxes = Objects.requireNonNull(mailboxes, "mailboxes");
        this.blobs = Objects.requireNonNull(blobs, "blobs");
        this.indexer = Objects.requireNonNull(indexer, "indexer");
        this.filters = List.copyOf(filters);
        this.clock = Objects.requireNonNull(clock, "clock");
        this.router = Objects.requireNonNull(router, "router");
        this.access = Objects.requireNonNull(access, "access");
        if (settings.mode() == SmtpSettings.Mode.SUBMISSION && access.sasl().isEmpty()) {
            throw new IllegalArgumentException("submission mode needs SASL mechanisms");
        }
        this.delivery = new InboundDelivery(this);
    }

    /** Runs one SMTP session on the connection until QUIT, an error limit, a timeout or EOF. */
    @Override
    public void handle(Connection connection) throws IOException {
        new SmtpSession(this, connection).run();
    }

    /** The line limit to give the {@link dev.yubin.net.Listener}: the longest MAIL/RCPT line accepted. */
    public int lineLimit() {
        return settings.maxParameterLineLength();
    }

    public SmtpSettings settings() {
        return settings;
    }

    public Directory directory() {
        return directory;
    }

    public MailboxStore mailboxes() {
        return mailboxes;
    }

    public BlobStore blobs() {
        return blobs;
    }

    public MessageIndexer indexer() {
        return indexer;
    }

    public List<InboundFilter> filters() {
        return filters;
    }

    public Clock clock() {
        return clock;
    }

    public Optional<OutboundRouter> router() {
        return router;
    }

    public SmtpAccess access() {
        return access;
    }

    public Map<String, SmtpCommand<?>> commands() {
        return commands;
    }

    public InboundDelivery delivery() {
        return delivery;
    }
}
