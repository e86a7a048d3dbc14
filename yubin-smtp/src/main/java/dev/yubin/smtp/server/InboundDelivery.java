package dev.yubin.smtp.server;

import dev.yubin.core.EmailAddress;
import dev.yubin.message.IndexedMessage;
import dev.yubin.smtp.server.data.HeaderEdit;
import dev.yubin.smtp.server.data.Spool;
import dev.yubin.store.BlobId;
import dev.yubin.store.BlobStore;
import dev.yubin.store.Delivery;
import dev.yubin.store.DeliveryTarget;
import dev.yubin.store.Mailbox;
import dev.yubin.store.NewMessage;
import dev.yubin.store.User;
import dev.yubin.store.UserId;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * From the end of data to the reply: checks, index, filters, durable blob, delivery.
 *
 * <p>Order (each step only if the previous passed): the spool's checks (bare line ends, long
 * lines, size) and the hop count; then, for a message held in memory, index it from those bytes
 * (MIME depth check), run the filters, insert their header fields, write the blob and commit it
 * (fsync), deliver; for a message that spilled to the blob store, commit the blob first, then
 * index and filter it from there (a filter's header fields mean one rewrite of the blob). The
 * {@code 250} is returned only after {@code MailboxStore.deliver} (one transaction for every local
 * recipient, one shared blob) and the outbound router's enqueue returned.
 *
 * <p>Partial failure: after DATA, SMTP has a single reply for all recipients. Like Postfix, the
 * message is accepted ({@code 250}) if any recipient got it; recipients over quota at this point
 * (quota is also checked at RCPT time, with a per-recipient {@code 452 4.2.2}) are logged as
 * {@code event=smtp.delivery_partial} — Postfix would bounce them; bounces arrive with the outbound
 * queue (issue 5). If no recipient could take it, the reply is {@code 552 5.2.2}.
 *
 * <p>Local delivery comes before the outbound enqueue: if the enqueue then fails the client gets
 * {@code 451} and retries, which may duplicate the local copies but never sends an outside copy
 * twice. A store failure is ours: {@code 451 4.3.0}, logged with its stack trace; the blob is left
 * for {@code sweepOrphans} since the store may have committed before failing.
 */
public final class InboundDelivery {
    private static final Logger LOG = LoggerFactory.getLogger(InboundDelivery.class);

    private final SmtpServer server;

    InboundDelivery(SmtpServer server) {
        this.server = server;
    }

    /** Starts the data phase: queue id, deadline, trace header fields. */
    public void begin(SmtpSession session, Transaction tx, Transaction.DataMode mode) {
        String id = QueueIds.next();
        tx.startData(mode, id, System.nanoTime() + server.settings().dataTimeLimit().toNanos());
        session.spool().begin(TraceFields.returnPath(tx.sender()), TraceFields.received(session.client(),
                tx.envelope(), server.settings().hostname(), id, ZonedDateTime.now(server.clock()),
                server.settings().submitterTrace()));
    }

    /** Runs after the client's last octet; returns the reply for DATA / BDAT LAST. */
    public SmtpReply finish(SmtpSession session, Transaction tx) {
        Spool spool = session.spool();
        SmtpReply refusal = switch (spool.problem()) {
            case BARE_LINE_END -> SmtpReply.BARE_LINE_END_IN_DATA;
            case LINE_TOO_LONG -> SmtpReply.TEXT_LINE_TOO_LONG;
            case TOO_BIG -> SmtpReply.MESSAGE_TOO_BIG;
            case NONE -> spool.receivedCount() > server.settings().maxReceivedHops() ? SmtpReply.TOO_MANY_HOPS : null;
        };
        if (refusal != null) {
            return rejected(session, tx, refusal, spool.problem() == Spool.Problem.NONE ? "hops" : spool.problem().name());
        }
        try {
            return spool.inMemory() ? fromMemory(session, tx, spool) : fromBlob(session, tx, spool);
        } catch (IOException | RuntimeException e) {
            LOG.error("event=smtp.delivery_failed conn={} id={}", session.id(), tx.queueId(), e);
            return SmtpReply.LOCAL_ERROR;
        }
    }

    private SmtpReply fromMemory(SmtpSession session, Transaction tx, Spool spool) throws IOException {
        IndexedMessage index = server.indexer().index(spool.bytes(), 0, (int) spool.size());
        if (tooDeep(index)) {
            return rejected(session, tx, SmtpReply.MIME_TOO_DEEP, "mime_depth");
        }
        Filtered filtered = filter(session, tx, index, spool.memorySource());
        if (filtered.refusal() != null) {
            return rejected(session, tx, filtered.refusal(), "filter");
        }
        if (filtered.edits()) {
            spool.removeFields(filtered.removed());
            spool.insertHeaders(filtered.headers());
            index = server.indexer().index(spool.bytes(), 0, (int) spool.size());
        }
        long size = spool.size();
        BlobId blob = spool.commit();
        return deliver(session, tx, blob, size, index, filtered);
    }

    private SmtpReply fromBlob(SmtpSession session, Transaction tx, Spool spool) throws IOException {
        BlobStore blobs = server.blobs();
        long size = spool.size();
        int returnPathLength = spool.returnPathLength();
        BlobId blob = spool.commit();
        IndexedMessage index = index(blob);
        if (tooDeep(index)) {
            blobs.delete(blob);
            return rejected(session, tx, SmtpReply.MIME_TOO_DEEP, "mime_depth");
        }
        BlobId committed = blob;
        long committedSize = size;
        Filtered filtered = filter(session, tx, index, new MessageSource() {
            @Override
            public long size() {
                return committedSize;
            }

            @Override
            public InputStream open() throws IOException {
                return blobs.open(committed);
            }
        });
        if (filtered.refusal() != null) {
            blobs.delete(blob);
            return rejected(session, tx, filtered.refusal(), "filter");
        }
        if (filtered.edits()) {
            byte[] fields = Spool.joinFields(filtered.headers());
            BlobId rewritten;
            long rest;
            try (BlobStore.Writer w = blobs.create(); InputStream in = blobs.open(blob)) {
                OutputStream out = w.stream();
                out.write(in.readNBytes(returnPathLength));
                out.write(fields);
                rest = HeaderEdit.copyWithout(in, out, filtered.removed());
                rewritten = w.commit();
            }
            blobs.delete(blob);
            blob = rewritten;
            size = returnPathLength + fields.length + rest;
            index = index(blob);
        }
        return deliver(session, tx, blob, size, index, filtered);
    }

    private IndexedMessage index(BlobId blob) throws IOException {
        try (InputStream in = server.blobs().open(blob)) {
            return server.indexer().index(in);
        }
    }

    private boolean tooDeep(IndexedMessage index) {
        return index.tooDeep() || index.mimeDepth() > server.settings().maxMimeDepth();
    }

    /** What the filters decided: header fields to add, Junk or not, or a refusal. */
    private record Filtered(List<String> headers, Set<String> removed, String folder, SmtpReply refusal) {
        Filtered(List<String> headers, String folder, SmtpReply refusal) {
            this(headers, Set.of(), folder, refusal);
        }

        boolean edits() {
            return !headers.isEmpty() || !removed.isEmpty();
        }
    }

    private Filtered filter(SmtpSession session, Transaction tx, IndexedMessage index, MessageSource source) {
        List<String> headers = new ArrayList<>(Submitted.missingFields(session, tx, index, server));
        Set<String> removed = new java.util.HashSet<>();
        if (server.filters().isEmpty()) {
            return new Filtered(headers, Mailbox.INBOX, null);
        }
        FilterContext context = new FilterContext(session.client(), tx.envelope(), tx.queueId(), source);
        for (InboundFilter f : server.filters()) {
            FilterVerdict verdict;
            try {
                verdict = f.check(context);
            } catch (IOException | RuntimeException e) {
                LOG.warn("event=smtp.filter_failed conn={} id={} filter={}", session.id(), tx.queueId(),
                        f.getClass().getSimpleName(), e);
                return new Filtered(List.of(), Mailbox.INBOX, SmtpReply.LOCAL_ERROR);
            }
            switch (verdict) {
                case FilterVerdict.Accept a -> {
                    headers.addAll(a.headers());
                    a.removedFields().forEach(field -> removed.add(HeaderEdit.key(field)));
                }
                case FilterVerdict.Reject r -> {
                    return new Filtered(List.of(), Mailbox.INBOX, r.reply());
                }
                case FilterVerdict.TempFail t -> {
                    return new Filtered(List.of(), Mailbox.INBOX, t.reply());
                }
                case FilterVerdict.Quarantine q -> {
                    headers.addAll(q.headers());
                    q.removedFields().forEach(field -> removed.add(HeaderEdit.key(field)));
                    LOG.info("event=smtp.quarantined conn={} id={} reason=\"{}\"", session.id(), tx.queueId(), q.reason());
                    return new Filtered(headers, removed, "Junk", null);
                }
            }
        }
        return new Filtered(headers, removed, Mailbox.INBOX, null);
    }

    private SmtpReply deliver(SmtpSession session, Transaction tx, BlobId blob, long size, IndexedMessage index,
                              Filtered filtered) throws IOException {
        Map<UserId, DeliveryTarget> targets = new LinkedHashMap<>();
        List<OutboundRouter.OutboundRecipient> remote = new ArrayList<>();
        for (Recipient r : tx.recipients()) {
            for (User u : r.local()) {
                targets.putIfAbsent(u.id(), new DeliveryTarget(u.id(), filtered.folder(), Set.of()));
            }
            for (EmailAddress a : r.remote()) {
                remote.add(new OutboundRouter.OutboundRecipient(a, r.parameters(), r.address()));
            }
        }
        NewMessage message = new NewMessage(blob, size, server.clock().instant(), index.summary().toJson());
        List<Delivery> results = targets.isEmpty() ? List.of()
                : server.mailboxes().deliver(message, List.copyOf(targets.values()));
        int delivered = 0;
        List<UserId> overQuota = new ArrayList<>();
        for (Delivery d : results) {
            switch (d) {
                case Delivery.Delivered ok -> delivered++;
                case Delivery.OverQuota q -> overQuota.add(q.target().user());
            }
        }
        if (!remote.isEmpty()) {
            server.router().orElseThrow().enqueue(new OutboundRouter.OutboundMessage(tx.queueId(), tx.sender(),
                    tx.parameters(), remote, blob, size, session.isAuthenticated()
                            ? OutboundRouter.Origin.AUTHENTICATED_USER : OutboundRouter.Origin.UNAUTHENTICATED_CLIENT));
        }
        if (delivered == 0 && remote.isEmpty()) {
            server.blobs().delete(blob);
            return rejected(session, tx, SmtpReply.ALL_OVER_QUOTA, "over_quota");
        }
        if (!overQuota.isEmpty()) {
            LOG.warn("event=smtp.delivery_partial conn={} id={} over_quota_users={}", session.id(), tx.queueId(), overQuota);
        }
        session.countAccepted();
        LOG.info("event=smtp.message_accepted conn={} id={} from={} recipients={} mailboxes={} remote={} size={}",
                session.id(), tx.queueId(), tx.sender(), tx.recipients().size(), delivered, remote.size(), size);
        return SmtpReply.of(250, "2.0.0", "Ok: queued as " + tx.queueId());
    }

    private SmtpReply rejected(SmtpSession session, Transaction tx, SmtpReply reply, String reason) {
        LOG.info("event=smtp.message_rejected conn={} id={} reason={} code={}", session.id(), tx.queueId(), reason,
                reply.code());
        return reply;
    }
}
