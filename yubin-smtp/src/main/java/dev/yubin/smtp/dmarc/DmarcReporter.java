package dev.yubin.smtp.dmarc;

import dev.yubin.auth.dkim.DkimSyntaxException;
import dev.yubin.auth.dmarc.DmarcAggregateReport;
import dev.yubin.auth.dmarc.DmarcRecord;
import dev.yubin.auth.dmarc.DmarcReportMessage;
import dev.yubin.auth.dmarc.DmarcReportUri;
import dev.yubin.auth.dmarc.DmarcResult;
import dev.yubin.auth.dmarc.PublicSuffixList;
import dev.yubin.dns.Resolver;
import dev.yubin.smtp.queue.OutboundQueue;
import dev.yubin.smtp.server.MailParameters;
import dev.yubin.smtp.server.RcptParameters;
import dev.yubin.smtp.server.ReversePath;
import dev.yubin.store.BlobId;
import dev.yubin.store.BlobStore;
import dev.yubin.store.dmarc.DmarcEvaluation;
import dev.yubin.store.dmarc.DmarcReportStore;
import java.io.IOException;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends DMARC aggregate reports (RFC 7489 §7.2) from the evaluations the inbound filter kept:
 * at each interval, for every policy domain, one report per period with rows grouped by source
 * and outcome, gzip-compressed, mailed through the outbound queue to each {@code rua=mailto:}
 * destination that is authorised (§7.1) and accepts the size ({@code !10m}); then the reported
 * evaluations are deleted. Destinations are taken from the newest record seen for the domain.
 */
public final class DmarcReporter implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DmarcReporter.class);

    private final DmarcReportSettings settings;
    private final DmarcReportStore store;
    private final Resolver resolver;
    private final OutboundQueue queue;
    private final BlobStore blobs;
    private final Clock clock;
    private final PublicSuffixList psl = PublicSuffixList.bundled();
    private ScheduledExecutorService timer;

    public DmarcReporter(DmarcReportSettings settings, DmarcReportStore store, Resolver resolver, OutboundQueue queue,
                         BlobStore blobs, Clock clock) {
        this.settings = settings;
        this.store = store;
        this.resolver = resolver;
        this.queue = queue;
        this.blobs = blobs;
        this.clock = clock;
    }

    /** Runs {@link #runOnce} every interval (first after one interval). */
    public synchronized void start() {
        if (timer == null) {
            timer = Executors.newSingleThreadScheduledExecutor(Thread.ofVirtual().name("dmarc-reports").factory());
            long every = settings.interval().toMillis();
            timer.scheduleWithFixedDelay(this::runSafely, every, every, TimeUnit.MILLISECONDS);
        }
    }

    private void runSafely() {
        try {
            runOnce();
        } catch (IOException | RuntimeException e) {
            LOG.warn("event=dmarc.report_run_failed", e);
        }
    }

    /** Reports everything recorded until now; returns the number of report messages queued. */
    public int runOnce() throws IOException {
        Instant now = clock.instant();
        int sent = 0;
        for (String domain : store.policyDomains(now)) {
            List<DmarcReportStore.Stored> rows = store.evaluations(domain, now, settings.maxRecordsPerReport());
            if (!rows.isEmpty()) {
                sent += report(domain, rows);
                store.delete(rows.stream().map(DmarcReportStore.Stored::id).toList());
            }
        }
        return sent;
    }

    private int report(String domain, List<DmarcReportStore.Stored> stored) throws IOException {
        DmarcRecord policy;
        try {
            policy = DmarcRecord.parse(stored.get(stored.size() - 1).evaluation().policyRecord());
        } catch (DkimSyntaxException e) {
            LOG.warn("event=dmarc.report_skipped domain={} reason=unreadable_record", domain);
            return 0;
        }
        Instant begin = stored.get(0).evaluation().at();
        Instant end = stored.get(stored.size() - 1).evaluation().at();
        String receiver = settings.from().domain().name();
        String id = receiver + "." + domain + "." + end.toEpochMilli();
        DmarcAggregateReport report = new DmarcAggregateReport(settings.orgName(), settings.from().toString(), id,
                begin, end, domain, policy, rows(stored));
        byte[] gz = DmarcReportMessage.gzip(report.xml());
        int sent = 0;
        for (String uri : policy.aggregateReportUris()) {
            Optional<DmarcReportUri> dest;
            try {
                dest = DmarcReportUri.parse(uri);
            } catch (DkimSyntaxException e) {
                LOG.info("event=dmarc.report_skipped domain={} rua=\"{}\" reason=invalid_uri", domain, uri);
                continue;
            }
            if (dest.isEmpty()) {
                continue;
            }
            if (!dest.get().authorizedFor(domain, resolver, psl)) {
                LOG.info("event=dmarc.report_skipped domain={} rua={} reason=not_authorized", domain, dest.get().address());
                continue; // RFC 7489 §7.1: the destination did not agree to receive reports for this domain
            }
            byte[] message = DmarcReportMessage.build(receiver, settings.from().toString(), dest.get().address(), report, gz);
            if (dest.get().maxBytes().isPresent() && message.length > dest.get().maxBytes().getAsLong()) {
                LOG.info("event=dmarc.report_skipped domain={} rua={} reason=too_big size={}", domain,
                        dest.get().address(), message.length); // RFC 7489 §6.2 size limit
                continue;
            }
            BlobId blob;
            try (BlobStore.Writer w = blobs.create()) {
                w.stream().write(message);
                blob = w.commit();
            }
            queue.submit(null, blob, message.length, ReversePath.of(settings.from()), MailParameters.NONE,
                    List.of(new OutboundQueue.Target(dest.get().address(), RcptParameters.NONE)));
            LOG.info("event=dmarc.report_queued domain={} rua={} records={} size={}", domain, dest.get().address(),
                    report.rows().size(), message.length);
            sent++;
        }
        return sent;
    }

    /** Evaluations with the same source and outcome become one row with their count. */
    static List<DmarcAggregateReport.Row> rows(List<DmarcReportStore.Stored> stored) {
        Map<List<Object>, int[]> counts = new LinkedHashMap<>();
        Map<List<Object>, DmarcEvaluation> firsts = new LinkedHashMap<>();
        for (DmarcReportStore.Stored s : stored) {
            DmarcEvaluation e = s.evaluation();
            List<Object> key = List.of(e.sourceIp(), e.headerFrom(), e.disposition(), e.override(), e.dkimAligned(),
                    e.spfAligned(), e.dkim(), e.spfDomain(), e.spfResult());
            counts.computeIfAbsent(key, k -> new int[1])[0]++;
            firsts.putIfAbsent(key, e);
        }
        List<DmarcAggregateReport.Row> rows = new ArrayList<>();
        for (Map.Entry<List<Object>, DmarcEvaluation> entry : firsts.entrySet()) {
            DmarcEvaluation e = entry.getValue();
            InetAddress ip;
            try {
                ip = InetAddress.getByName(e.sourceIp()); // a literal: no lookup
            } catch (java.net.UnknownHostException ex) {
                continue;
            }
            DmarcResult.Disposition disposition = switch (e.disposition()) {
                case "quarantine" -> DmarcResult.Disposition.QUARANTINE;
                case "reject" -> DmarcResult.Disposition.REJECT;
                default -> DmarcResult.Disposition.ACCEPT;
            };
            rows.add(new DmarcAggregateReport.Row(ip, counts.get(entry.getKey())[0], disposition, e.dkimAligned(),
                    e.spfAligned(), e.headerFrom(),
                    e.dkim().stream().map(d -> new DmarcAggregateReport.AuthResult(d.domain(), d.result(), d.selector()))
                            .toList(),
                    new DmarcAggregateReport.AuthResult(e.spfDomain(), e.spfResult(), ""), e.override()));
        }
        return rows;
    }

    @Override
    public synchronized void close() {
        if (timer != null) {
            timer.shutdownNow();
            timer = null;
        }
    }
}
