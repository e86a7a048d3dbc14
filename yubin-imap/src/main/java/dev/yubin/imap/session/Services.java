package dev.yubin.imap.session;

import dev.yubin.imap.ImapSettings;
import dev.yubin.message.MessageIndexer;
import dev.yubin.store.BlobStore;
import dev.yubin.store.Directory;
import dev.yubin.store.MailboxStore;
import java.util.Optional;
import javax.net.ssl.SSLContext;

/** What every session of one server shares: the stores, the indexer, the login check, limits and TLS. */
public record Services(ImapSettings settings, Directory directory, MailboxStore store, BlobStore blobs,
                       MessageIndexer indexer, Logins logins, Optional<SSLContext> tls, SessionLimiter limiter) {
}
