package dev.yubin.imap;

import dev.yubin.imap.protocol.LiteralBudget;
import dev.yubin.imap.session.ImapSession;
import dev.yubin.imap.session.RecentClaims;
import dev.yubin.imap.session.Services;
import dev.yubin.imap.session.SessionLimiter;
import dev.yubin.imap.session.SummaryCache;
import dev.yubin.message.MessageIndexer;
import dev.yubin.net.Connection;
import dev.yubin.net.ConnectionHandler;
import dev.yubin.net.auth.Authenticator;
import dev.yubin.net.auth.LoginThrottle;
import dev.yubin.net.sasl.SaslMechanisms;
import dev.yubin.net.tls.TlsContexts;
import dev.yubin.store.BlobStore;
import dev.yubin.store.Directory;
import dev.yubin.store.MailboxStore;
import java.io.IOException;
import java.util.Optional;

/**
 * The IMAP server (RFC 9051 and RFC 3501 with the extensions listed in CAPABILITY): a
 * {@link ConnectionHandler} for {@link dev.yubin.net.Listener}, one {@link ImapSession} per
 * connection. The same instance serves port 143 (STARTTLS offered when {@code tls} is present) and
 * port 993 (a listener with implicit TLS using {@code tls.serverContext()}).
 */
public final class ImapServer implements ConnectionHandler {
    private final Services services;

    /**
     * @param authenticator checks passwords (LOGIN, AUTHENTICATE PLAIN/LOGIN/SCRAM-SHA-256)
     * @param throttle progressive delays and bans after failed logins, shared with other protocols
     * @param tls certificates for STARTTLS; empty to offer no STARTTLS
     */
    public ImapServer(ImapSettings settings, Directory directory, MailboxStore store, BlobStore blobs,
                      MessageIndexer indexer, Authenticator authenticator, LoginThrottle throttle,
                      Optional<TlsContexts> tls) {
        this.services = new Services(settings, directory, store, blobs, indexer, authenticator, throttle,
                new SaslMechanisms(authenticator, settings.cleartext()), tls.map(TlsContexts::serverContext),
                new SessionLimiter(settings.maxSessionsPerUser()),
                new SummaryCache(settings.summaryCacheEntries()), new RecentClaims(),
                new LiteralBudget(settings.literalBudgetBytes()));
    }

    public ImapSettings settings() {
        return services.settings();
    }

    @Override
    public void handle(Connection connection) throws IOException {
        new ImapSession(services, connection).run();
    }
}
