package dev.yubin.imap;

import dev.yubin.imap.session.DirectoryLogins;
import dev.yubin.imap.session.ImapSession;
import dev.yubin.imap.session.Logins;
import dev.yubin.imap.session.Services;
import dev.yubin.imap.session.SessionLimiter;
import dev.yubin.message.MessageIndexer;
import dev.yubin.net.Connection;
import dev.yubin.net.ConnectionHandler;
import dev.yubin.store.BlobStore;
import dev.yubin.store.Directory;
import dev.yubin.store.MailboxStore;
import java.io.IOException;
import java.util.Optional;
import javax.net.ssl.SSLContext;

/**
 * The IMAP server (RFC 9051 and RFC 3501 with the extensions in {@code Capabilities}): a
 * {@link ConnectionHandler} for {@link dev.yubin.net.Listener}, one {@link ImapSession} per
 * connection. Use it for both port 143 (STARTTLS offered when {@code tls} is present) and port 993
 * (a listener with implicit TLS).
 */
public final class ImapServer implements ConnectionHandler {
    private final Services services;

    /**
     * @param tls the context for STARTTLS; empty to offer no STARTTLS
     * @param logins the password check (with its throttling) for LOGIN and AUTHENTICATE
     */
    public ImapServer(ImapSettings settings, Directory directory, MailboxStore store, BlobStore blobs,
                      MessageIndexer indexer, Logins logins, Optional<SSLContext> tls) {
        this.services = new Services(settings, directory, store, blobs, indexer, logins, tls,
                new SessionLimiter(settings.maxSessionsPerUser()));
    }

    /** A server checking passwords directly against the directory. */
    public ImapServer(ImapSettings settings, Directory directory, MailboxStore store, BlobStore blobs,
                      MessageIndexer indexer, Optional<SSLContext> tls) {
        this(settings, directory, store, blobs, indexer, new DirectoryLogins(directory), tls);
    }

    public ImapSettings settings() {
        return services.settings();
    }

    @Override
    public void handle(Connection connection) throws IOException {
        new ImapSession(services, connection).run();
    }
}
