package dev.yubin.smtp.queue;

import dev.yubin.smtp.dsn.Action;
import dev.yubin.smtp.dsn.DeliveryReport;
import dev.yubin.smtp.dsn.DsnMessage;
import dev.yubin.smtp.dsn.RecipientReport;
import dev.yubin.store.BlobId;
import dev.yubin.store.BlobStore;
import dev.yubin.store.queue.BodyType;
import dev.yubin.store.queue.DueReports;
import dev.yubin.store.queue.NewQueueEntry;
import dev.yubin.store.queue.QueueRecipient;
import dev.yubin.store.queue.QueueReport;
import dev.yubin.store.queue.QueueStore;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the reports the store collected for one message ({@link DueReports}: every recipient of
 * the message, whatever its destination domain) as ONE DSN (RFC 3464 §2: one per-recipient
 * section each): writes it as a blob (durable), then delivers it to the sender's INBOX when the
 * sender is local, otherwise queues it with the null reverse path. Never reports to the null
 * sender (RFC 5321 §6.1, RFC 3461 §6.2): such messages keep no reports, so a bounce is never
 * bounced.
 */
final class Bouncer {
    private static final Logger LOG = LoggerFactory.getLogger(Bouncer.class);

    private final OutboundSettings settings;
    private final BlobStore blobs;
    private final LocalDelivery local;
    private final QueueStore queue;
    private final Clock clock;

    Bouncer(OutboundSettings settings, BlobStore blobs, LocalDelivery local, QueueStore queue, Clock clock) {
        this.settings = settings;
        this.blobs = blobs;
        this.local = local;
        this.queue = queue;
        this.clock = clock;
    }

    /** The stored form of a report part. */
    static QueueReport stored(RecipientReport r) {
        return new QueueReport(r.finalRecipient(), r.originalRecipient(), QueueReport.Kind.valueOf(r.action().name()),
                r.status(), r.remoteMta(), r.diagnostic(), r.lastAttempt(), r.willRetryUntil());
    }

    private static RecipientReport part(QueueReport r) {
        return new RecipientReport(r.recipient(), r.originalRecipient(), Action.valueOf(r.kind().name()), r.status(),
                r.remoteMta(), r.diagnostic(), r.lastAttempt(), r.retryUntil());
    }

    /**
     * Makes the DSN durable (in the sender's mailbox or in the queue). Returns true when it was
     * queued for remote delivery (the scheduler should look). The caller then forgets the parts.
     */
    boolean send(DueReports due) throws IOException {
        if (due.sender().isEmpty() || due.reports().isEmpty()) {
            return false;
        }
        DeliveryReport report = new DeliveryReport(settings.hostname(), due.sender(), due.envelopeId(), due.ret(),
                due.created(), due.reports().stream().map(Bouncer::part).toList());
        byte[] bytes = DsnMessage.write(report, () -> blobs.open(due.blob()), clock.instant());
        BlobId blob;
        try (BlobStore.Writer w = blobs.create()) {
            w.stream().write(bytes);
            blob = w.commit();
        }
        String action = report.mainAction().value();
        int parts = due.reports().size();
        if (local.isLocal(due.sender())) {
            LocalDelivery.Result r = local.deliver(blob, bytes.length, List.of(due.sender()));
            if (r.delivered() == 0 && r.forwards().isEmpty()) {
                LOG.warn("event=queue.dsn_undeliverable origin={} to={} reason=no_local_user", due.originId(),
                        due.sender());
                blobs.delete(blob);
                return false;
            }
            LOG.info("event=queue.dsn_sent origin={} to={} action={} recipients={} path=local", due.originId(),
                    due.sender(), action, parts);
            if (r.forwards().isEmpty()) {
                return false;
            }
            enqueue(due, blob, bytes.length, r.forwards().stream().map(Object::toString).toList());
            return true;
        }
        enqueue(due, blob, bytes.length, List.of(due.sender()));
        LOG.info("event=queue.dsn_sent origin={} to={} action={} recipients={} path=queue", due.originId(),
                due.sender(), action, parts);
        return true;
    }

    private void enqueue(DueReports due, BlobId blob, long size, List<String> to) {
        for (String address : to) {
            queue.enqueue(new NewQueueEntry("DSN-" + due.originId(), Destination.of(address).name(), blob, size, "",
                    Optional.empty(), Optional.empty(), due.utf8(), BodyType.EIGHT_BIT_MIME,
                    List.of(QueueRecipient.pending(0, address, Optional.empty(), Set.of())), clock.instant()));
        }
    }
}
