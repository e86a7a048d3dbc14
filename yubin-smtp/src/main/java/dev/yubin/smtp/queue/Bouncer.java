package dev.yubin.smtp.queue;

import dev.yubin.smtp.dsn.DeliveryReport;
import dev.yubin.smtp.dsn.DsnMessage;
import dev.yubin.smtp.dsn.RecipientReport;
import dev.yubin.store.BlobId;
import dev.yubin.store.BlobStore;
import dev.yubin.store.queue.BodyType;
import dev.yubin.store.queue.NewQueueEntry;
import dev.yubin.store.queue.QueueEntry;
import dev.yubin.store.queue.QueueRecipient;
import dev.yubin.store.queue.QueueStore;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the reports {@link Attempts} decided on: writes the DSN as a blob (durable), then
 * delivers it to the sender's INBOX when the sender is local, otherwise queues it with the null
 * reverse path. Never reports to the null sender (RFC 5321 §6.1, RFC 3461 §6.2), so a bounce is
 * never bounced.
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

    /** Returns true when a report was queued for remote delivery (the scheduler should look). */
    boolean send(QueueEntry entry, List<RecipientReport> reports) throws IOException {
        if (reports.isEmpty()) {
            return false;
        }
        if (entry.isNullSender()) {
            LOG.info("event=queue.dsn_suppressed id={} reason=null_sender recipients={}", entry.id(), reports.size());
            return false;
        }
        DeliveryReport report = new DeliveryReport(settings.hostname(), entry.sender(), entry.envelopeId(),
                entry.ret(), entry.created(), reports);
        byte[] bytes = DsnMessage.write(report, () -> blobs.open(entry.blob()), clock.instant());
        BlobId blob;
        try (BlobStore.Writer w = blobs.create()) {
            w.stream().write(bytes);
            blob = w.commit();
        }
        String action = report.mainAction().value();
        if (local.isLocal(entry.sender())) {
            LocalDelivery.Result r = local.deliver(blob, bytes.length, List.of(entry.sender()));
            if (r.delivered() == 0 && r.forwards().isEmpty()) {
                LOG.warn("event=queue.dsn_undeliverable id={} to={} reason=no_local_user", entry.id(), entry.sender());
                blobs.delete(blob);
                return false;
            }
            LOG.info("event=queue.dsn_sent id={} to={} action={} path=local", entry.id(), entry.sender(), action);
            if (r.forwards().isEmpty()) {
                return false;
            }
            enqueue(entry, blob, bytes.length, r.forwards().stream().map(Object::toString).toList());
            return true;
        }
        enqueue(entry, blob, bytes.length, List.of(entry.sender()));
        LOG.info("event=queue.dsn_sent id={} to={} action={} path=queue", entry.id(), entry.sender(), action);
        return true;
    }

    private void enqueue(QueueEntry entry, BlobId blob, long size, List<String> to) {
        for (String address : to) {
            queue.enqueue(new NewQueueEntry("DSN-" + entry.originId(), Destination.of(address).name(), blob, size, "",
                    Optional.empty(), Optional.empty(), entry.utf8(), BodyType.EIGHT_BIT_MIME,
                    List.of(QueueRecipient.pending(0, address, Optional.empty(), Set.of())), clock.instant()));
        }
    }
}
