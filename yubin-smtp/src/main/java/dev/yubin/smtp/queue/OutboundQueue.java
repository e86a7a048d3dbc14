package dev.yubin.smtp.queue;

import dev.yubin.dns.Resolver;
import dev.yubin.message.MessageIndexer;
import dev.yubin.smtp.server.MailParameters;
import dev.yubin.smtp.server.OutboundRouter;
import dev.yubin.smtp.server.RcptParameters;
import dev.yubin.smtp.server.ReversePath;
import dev.yubin.store.BlobId;
import dev.yubin.store.BlobStore;
import dev.yubin.store.Directory;
import dev.yubin.store.MailboxStore;
import dev.yubin.store.queue.BodyType;
import dev.yubin.store.queue.NewQueueEntry;
import dev.yubin.store.queue.QueueEntry;
import dev.yubin.store.queue.Notify;
import dev.yubin.store.queue.QueueRecipient;
import dev.yubin.store.queue.QueueStore;
import dev.yubin.store.queue.Ret;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The outbound queue: the entry point for mail to outside addresses (the MX server's alias
 * forwards through {@link OutboundRouter}, and the submission path through {@link #submit}),
 * and the scheduler that delivers it with the SMTP client, retries, and reports with DSNs.
 *
 * <p>Wiring: {@code var q = new OutboundQueue(settings, new SqliteQueueStore(store, clock), resolver,
 * store, store, store.blobs(), indexer, clock); q.start(); ... new SmtpServer(..., q); ... q.close();}
 *
 * <p>Durability: {@link #submit} returns after the queue entries are committed; call it after
 * the blob's commit and before the 250. Recipients in local domains are delivered to their
 * mailboxes at once and never go out.
 */
public final class OutboundQueue implements OutboundRouter, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(OutboundQueue.class);
    private static final AtomicLong SUBMISSIONS = new AtomicLong();

    private final QueueStore store;
    private final LocalDelivery local;
    private final Scheduler scheduler;
    private final Clock clock;
    private final OutboundSigning signing;
    private final OutboundSettings settings;

    public OutboundQueue(OutboundSettings settings, QueueStore store, Resolver resolver, Directory directory,
                         MailboxStore mailboxes, BlobStore blobs, MessageIndexer indexer, Clock clock) {
        this(settings, store, resolver, directory, mailboxes, blobs, indexer, clock, DkimSigners.NONE);
    }

    /**
     * A queue that DKIM-signs outgoing mail whose From domain has a signer in {@code dkim}, once,
     * when it enters the queue (see {@link OutboundSigning}).
     */
    public OutboundQueue(OutboundSettings settings, QueueStore store, Resolver resolver, Directory directory,
                         MailboxStore mailboxes, BlobStore blobs, MessageIndexer indexer, Clock clock,
                         DkimSigners dkim) {
        this(settings, store, resolver, directory, mailboxes, blobs, indexer, clock, dkim, TransportSecurity.none());
    }

    /**
     * A queue that also applies MTA-STS and DANE to outbound connections ({@link TransportSecurity}).
     */
    public OutboundQueue(OutboundSettings settings, QueueStore store, Resolver resolver, Directory directory,
                         MailboxStore mailboxes, BlobStore blobs, MessageIndexer indexer, Clock clock,
                         DkimSigners dkim, TransportSecurity security) {
        this.store = store;
        this.settings = settings;
        this.signing = new OutboundSigning(dkim, blobs, settings.hostname(), clock); // authserv-id = our host name
        this.clock = clock;
        this.local = new LocalDelivery(directory, mailboxes, blobs, indexer, clock);
        Bouncer bouncer = new Bouncer(settings, blobs, local, store, clock);
        this.scheduler = new Scheduler(settings, store, new Routes(resolver, security), local, blobs, bouncer, clock);
    }

    /**
     * Starts delivering. Entries left ACTIVE by a previous run (crash, kill -9) are tried again
     * (single node: with several processes on one database, rely on lease expiry instead).
     */
    public void start() {
        int requeued = store.requeueActive();
        LOG.info("event=queue.start requeued={}", requeued);
        scheduler.start();
    }

    /** The store behind the queue (for {@code yubin queue} and tests). */
    public QueueStore store() {
        return store;
    }

    /** {@link OutboundRouter}: queues alias forwards (and relayed mail) from the SMTP server. */
    @Override
    public void enqueue(OutboundMessage m) throws IOException {
        List<Target> targets = new ArrayList<>();
        for (OutboundRecipient r : m.recipients()) {
            targets.add(new Target(r.address().toString(), r.parameters()));
        }
        BlobId blob = m.blob();
        long size = m.size();
        Optional<OutboundRecipient> forwarded = m.recipients().stream().filter(r -> !r.rcptTo().equals(r.address())).findFirst();
        if (m.origin() == OutboundRouter.Origin.UNAUTHENTICATED_CLIENT && forwarded.isPresent()) {
            // RFC 8617 §5.1: forwarded mail is ARC-sealed once, by the alias's domain, before the first attempt
            OutboundSigning.Signed sealed = signing.seal(m.queueId(), blob, size, forwarded.get().rcptTo().domain().name());
            blob = sealed.blob();
            size = sealed.size();
        }
        submit(m.queueId(), blob, size, m.sender(), m.parameters(), targets, m.origin());
    }

    /** One recipient for {@link #submit}: an address ({@code local@domain} or {@code local@[ip]}) with its DSN parameters. */
    public record Target(String address, RcptParameters parameters) {
    }

    /**
     * Durably queues the committed blob for the recipients (one entry per destination, one
     * shared blob); local recipients are delivered at once. Returns the queue ids.
     *
     * @param originId the id the message got when accepted ({@code null} to make one up)
     */
    public List<Long> submit(String originId, BlobId blob, long size, ReversePath sender, MailParameters parameters,
                             List<Target> recipients) throws IOException {
        return submit(originId, blob, size, sender, parameters, recipients, OutboundRouter.Origin.AUTHENTICATED_USER);
    }

    /**
     * As {@link #submit(String, BlobId, long, ReversePath, MailParameters, List)}; only mail of
     * {@link OutboundRouter.Origin#AUTHENTICATED_USER} is DKIM-signed (a forwarded message from an
     * unauthenticated client keeps its own signatures and never gets ours).
     */
    public List<Long> submit(String originId, BlobId blob, long size, ReversePath sender, MailParameters parameters,
                             List<Target> recipients, OutboundRouter.Origin handedBy) throws IOException {
        String origin = originId != null ? originId : "Q" + clock.millis() + "-" + SUBMISSIONS.incrementAndGet();
        Map<String, List<Target>> byDestination = new LinkedHashMap<>();
        List<String> localAddresses = new ArrayList<>();
        for (Target t : recipients) {
            Destination d = Destination.of(t.address());
            // RFC 5890: the domain in A-label form, so an ASCII local part never needs SMTPUTF8
            String address = t.address().substring(0, t.address().lastIndexOf('@') + 1) + d.name();
            if (local.isLocal(address)) {
                localAddresses.add(address);
            } else {
                byDestination.computeIfAbsent(d.name(), k -> new ArrayList<>()).add(new Target(address, t.parameters()));
            }
        }
        if (!localAddresses.isEmpty()) {
            LocalDelivery.Result r = local.deliver(blob, size, localAddresses);
            LOG.info("event=queue.local_recipients origin={} delivered={} unknown={}", origin, r.delivered(), r.unknown());
            for (var f : r.forwards()) {
                byDestination.computeIfAbsent(f.domain().name(), d -> new ArrayList<>())
                        .add(new Target(f.toString(), RcptParameters.NONE));
            }
        }
        String from = sender.address().map(Object::toString).orElse("");
        NewQueueEntry.Utf8 utf8 = parameters.utf8() == MailParameters.Utf8.REQUESTED ? NewQueueEntry.Utf8.NEEDED
                : NewQueueEntry.Utf8.NOT_NEEDED;
        BodyType body = switch (parameters.body()) {
            case UNSPECIFIED -> BodyType.UNSPECIFIED;
            case SEVEN_BIT -> BodyType.SEVEN_BIT;
            case EIGHT_BIT_MIME -> BodyType.EIGHT_BIT_MIME;
        };
        Optional<Ret> ret = parameters.ret().map(r -> r == MailParameters.Ret.FULL ? Ret.FULL : Ret.HDRS);
        if (!byDestination.isEmpty() && handedBy == OutboundRouter.Origin.AUTHENTICATED_USER) {
            // RFC 6376 §5: signed once, after all changes, before the first attempt; retries resend these bytes
            OutboundSigning.Signed signed = signing.sign(origin, blob, size);
            blob = signed.blob();
            size = signed.size();
        }
        Optional<String> submitter = submitter(sender, parameters, handedBy);
        List<NewQueueEntry> entries = new ArrayList<>(byDestination.size());
        for (Map.Entry<String, List<Target>> d : byDestination.entrySet()) {
            List<QueueRecipient> rs = new ArrayList<>();
            for (Target t : d.getValue()) {
                rs.add(QueueRecipient.pending(rs.size(), t.address(),
                        t.parameters().originalRecipient().map(o -> o.addressType() + ";" + o.address()),
                        notify(t.parameters().notifyOn())));
            }
            entries.add(new NewQueueEntry(origin, d.getKey(), blob, size, from, parameters.envelopeId(), ret, utf8, body,
                    rs, clock.instant(), submitter));
        }
        List<Long> ids = enqueue(entries);
        for (int i = 0; i < entries.size(); i++) {
            NewQueueEntry e = entries.get(i);
            LOG.info("event=queue.enqueued id={} origin={} dest={} from=<{}> recipients={} size={}", ids.get(i), origin,
                    e.destination(), from, e.recipients().size(), size);
        }
        return ids;
    }

    /**
     * The original submitter passed on as {@code AUTH=} (RFC 4954 §5). Only an authenticated user
     * is trusted: its mail names the sender address it was checked to own (whatever mailbox its own
     * {@code AUTH=} claimed), or nobody when it said {@code AUTH=<>} or used the null sender. Mail
     * from an unauthenticated client (alias forwards) names nobody: the server "MUST NOT" take
     * an untrusted client's word for it.
     */
    static Optional<String> submitter(ReversePath sender, MailParameters parameters, OutboundRouter.Origin handedBy) {
        if (handedBy != OutboundRouter.Origin.AUTHENTICATED_USER
                || parameters.auth().filter(a -> a instanceof MailParameters.Submitter.Unknown).isPresent()) {
            return Optional.empty();
        }
        return sender.address().map(Object::toString);
    }

    /**
     * One commit for all of a message's entries. While the scheduler has room they are stored
     * already claimed and handed to their destinations at once (no claim round trip, no poll);
     * otherwise they wait in INCOMING for the scheduler to claim them.
     */
    private List<Long> enqueue(List<NewQueueEntry> entries) {
        if (entries.isEmpty()) {
            return List.of();
        }
        if (scheduler.reserve(entries.size())) {
            List<QueueEntry> claimed;
            try {
                claimed = store.enqueueClaimed(entries, clock.instant(), settings.lease());
            } catch (RuntimeException e) {
                scheduler.unreserve(entries.size());
                throw e;
            }
            claimed.forEach(scheduler::dispatchClaimed);
            return claimed.stream().map(QueueEntry::id).toList();
        }
        List<Long> ids = new ArrayList<>(entries.size());
        for (NewQueueEntry e : entries) {
            ids.add(store.enqueue(e));
        }
        scheduler.wake();
        return ids;
    }

    private static Set<Notify> notify(Set<RcptParameters.Notify> in) {
        EnumSet<Notify> out = EnumSet.noneOf(Notify.class);
        for (RcptParameters.Notify n : in) {
            out.add(Notify.valueOf(n.name()));
        }
        return out;
    }

    /** Makes the scheduler look at the queue now (after {@code yubin queue retry} in-process, or tests). */
    public void wake() {
        scheduler.wake();
    }

    /** Stops delivering; attempts under way are given a few seconds. The store stays open (its owner closes it). */
    @Override
    public void close() {
        scheduler.close();
        LOG.info("event=queue.stop");
    }
}
