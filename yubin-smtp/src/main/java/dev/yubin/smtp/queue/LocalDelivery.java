package dev.yubin.smtp.queue;

import dev.yubin.core.Domain;
import dev.yubin.core.EmailAddress;
import dev.yubin.message.IndexedMessage;
import dev.yubin.message.MessageIndexer;
import dev.yubin.store.BlobId;
import dev.yubin.store.BlobStore;
import dev.yubin.store.DeliveryTarget;
import dev.yubin.store.Directory;
import dev.yubin.store.MailboxStore;
import dev.yubin.store.NewMessage;
import dev.yubin.store.User;
import dev.yubin.store.UserId;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Delivery of a committed blob to local users' INBOXes, as the MX path does: used for bounces to
 * local senders and for local recipients handed to the queue (they never go out).
 */
public final class LocalDelivery {
    private final Directory directory;
    private final MailboxStore mailboxes;
    private final BlobStore blobs;
    private final MessageIndexer indexer;
    private final Clock clock;

    public LocalDelivery(Directory directory, MailboxStore mailboxes, BlobStore blobs, MessageIndexer indexer,
                         Clock clock) {
        this.directory = directory;
        this.mailboxes = mailboxes;
        this.blobs = blobs;
        this.indexer = indexer;
        this.clock = clock;
    }

    /**
     * True when the address's domain is one of ours (an address literal never is). The set of
     * local domains is read at most once per {@link #LOCAL_DOMAINS_NANOS} (one query, not one per
     * message): a domain added or removed meanwhile is seen a second later.
     */
    public boolean isLocal(String address) {
        Destination d = Destination.of(address);
        return !d.isAddressLiteral() && localDomains().contains(d.name());
    }

    /** How long the set of local domains is reused. */
    static final long LOCAL_DOMAINS_NANOS = 1_000_000_000L;

    private record LocalDomains(java.util.Set<String> names, long read) {
    }

    private volatile LocalDomains localDomains;

    private java.util.Set<String> localDomains() {
        long now = System.nanoTime();
        LocalDomains known = localDomains;
        if (known == null || now - known.read() >= LOCAL_DOMAINS_NANOS) {
            java.util.Set<String> names = new java.util.HashSet<>();
            directory.domains().forEach(x -> names.add(x.name()));
            known = new LocalDomains(java.util.Set.copyOf(names), now);
            localDomains = known;
        }
        return known.names();
    }

    /** What happened to the addresses given to {@link #deliver}. */
    public record Result(int delivered, List<String> unknown, List<EmailAddress> forwards) {
    }

    /**
     * Resolves each address (aliases, plus-addressing, catch-all) and delivers one copy per user,
     * in one transaction. Addresses that resolve to nobody come back as unknown; alias targets
     * outside Yubin come back as forwards for the caller to queue.
     */
    public Result deliver(BlobId blob, long size, List<String> addresses) throws IOException {
        Map<UserId, DeliveryTarget> targets = new LinkedHashMap<>();
        List<String> unknown = new ArrayList<>();
        List<EmailAddress> forwards = new ArrayList<>();
        for (String a : addresses) {
            var r = directory.resolve(EmailAddress.parse(a));
            if (r.isEmpty()) {
                unknown.add(a);
            }
            for (User u : r.local()) {
                targets.putIfAbsent(u.id(), DeliveryTarget.inbox(u.id()));
            }
            forwards.addAll(r.forward());
        }
        if (targets.isEmpty()) {
            return new Result(0, unknown, forwards);
        }
        IndexedMessage index;
        try (InputStream in = blobs.open(blob)) {
            index = indexer.index(in);
        }
        var results = mailboxes.deliver(new NewMessage(blob, size, clock.instant(), index.summary().toJson()),
                List.copyOf(targets.values()));
        int delivered = (int) results.stream().filter(d -> d instanceof dev.yubin.store.Delivery.Delivered).count();
        return new Result(delivered, unknown, forwards);
    }
}
