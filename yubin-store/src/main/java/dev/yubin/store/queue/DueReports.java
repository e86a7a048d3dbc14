package dev.yubin.store.queue;

import dev.yubin.store.BlobId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The report parts of one message that are due: everything one DSN needs. After the DSN is
 * durable, {@link QueueStore#reportsSent} with {@link #ids} forgets them (a crash in between
 * sends the DSN again, never loses it).
 *
 * @param originId the message's id when accepted
 * @param sender the envelope sender (never the null sender: such messages keep no reports)
 * @param blob the original message (held until the parts are sent)
 * @param created when the message arrived ({@code Arrival-Date})
 * @param ids the stored parts, to pass to {@link QueueStore#reportsSent}
 * @param reports the parts, oldest first
 */
public record DueReports(String originId, String sender, Optional<String> envelopeId, Optional<Ret> ret,
                         NewQueueEntry.Utf8 utf8, BlobId blob, Instant created, List<Long> ids,
                         List<QueueReport> reports) {
    public DueReports {
        ids = List.copyOf(ids);
        reports = List.copyOf(reports);
    }
}
