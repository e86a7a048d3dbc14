package dev.yubin.imap.session;

import dev.yubin.imap.ImapSettings;
import dev.yubin.message.MessageIndexer;
import dev.yubin.net.auth.Authenticator;
import dev.yubin.net.auth.LoginThrottle;
import dev.yubin.net.sasl.SaslMechanisms;
import dev.yubin.store.BlobStore;
import dev.yubin.store.Directory;
import dev.yubin.store.MailboxStore;
import java.util.Optional;
import javax.net.ssl.SSLContext;

/**
 * What every session of one server shares: the stores, the indexer, password checks with their
 * throttle and SASL mechanisms, limits and TLS.
 */
public record Services(ImapSettings settings, Directory directory, MailboxStore store, BlobStore blobs,
                       MessageIndexer indexer, Authenticator authenticator, LoginThrottle throttle,
                       SaslMechanisms sasl, Optional<SSLContext> tls, SessionLimiter limiter,
                       SummaryCache summaries, RecentClaims recent,
                       dev.yubin.imap.protocol.LiteralBudget literals) {
}
