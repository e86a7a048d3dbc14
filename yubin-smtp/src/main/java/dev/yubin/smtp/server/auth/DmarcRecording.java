package dev.yubin.smtp.server.auth;

import dev.yubin.auth.AuthVerdict;
import dev.yubin.auth.arc.ArcResult;
import dev.yubin.auth.dkim.DkimResult;
import dev.yubin.auth.dmarc.DmarcRecord;
import dev.yubin.auth.dmarc.DmarcResult;
import dev.yubin.store.dmarc.DmarcEvaluation;
import dev.yubin.store.dmarc.DmarcReportStore;
import java.net.InetAddress;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the data of a DMARC aggregate report record (RFC 7489 §7.2) for each inbound message
 * whose author domain publishes a DMARC record asking for aggregate reports ({@code rua=}).
 * A store failure is logged and never changes the message's fate.
 */
final class DmarcRecording {
    private static final Logger LOG = LoggerFactory.getLogger(DmarcRecording.class);

    private final DmarcReportStore store;
    private final Clock clock;

    DmarcRecording(DmarcReportStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    void record(String connection, InetAddress client, String helo, String mailFrom, AuthVerdict verdict) {
        Optional<DmarcEvaluation> e = evaluation(client, helo, mailFrom, verdict, clock);
        if (e.isEmpty()) {
            return;
        }
        try {
            store.record(e.get());
        } catch (RuntimeException ex) {
            LOG.warn("event=dmarc.record_failed conn={} domain={} error=\"{}\"", connection, e.get().policyDomain(),
                    ex.toString());
        }
    }

    /** The evaluation to keep, or empty when the From domain's record asks for no aggregate report. */
    static Optional<DmarcEvaluation> evaluation(InetAddress client, String helo, String mailFrom, AuthVerdict verdict,
                                                Clock clock) {
        DmarcResult d = verdict.dmarc();
        if (d.record().isEmpty() || d.record().get().aggregateReportUris().isEmpty() || d.fromDomain().isEmpty()) {
            return Optional.empty();
        }
        DmarcRecord record = d.record().get();
        String applied = switch (verdict.disposition()) {
            case ACCEPT -> "none";
            case QUARANTINE -> "quarantine";
            case REJECT -> "reject";
        };
        String override = "";
        boolean failed = d.status() == DmarcResult.Status.FAIL;
        if (failed && !d.disposition().keyword().equals(accept(d.policy().keyword()))) {
            override = "sampled_out"; // RFC 7489 §6.6.4: pct= left this message out of the policy
        } else if (!accept(d.disposition().keyword()).equals(applied)) {
            // accepted on a passing ARC chain (a trusted sealer), or our enforcement setting
            override = applied.equals("none") && verdict.arc().status() == ArcResult.Status.PASS
                    ? "trusted_forwarder" : "local_policy";
        }
        List<DmarcEvaluation.DkimOutcome> dkim = verdict.dkim().stream()
                .map(r -> new DmarcEvaluation.DkimOutcome(r.domain(), r.selector(), keyword(r))).toList();
        boolean nullSender = mailFrom == null || mailFrom.isEmpty();
        String spfDomain = nullSender ? helo : mailFrom.substring(mailFrom.lastIndexOf('@') + 1);
        return Optional.of(new DmarcEvaluation(clock.instant(), client.getHostAddress(), d.fromDomain(),
                d.recordDomain().isEmpty() ? d.fromDomain() : d.recordDomain(), record.text(), applied, override,
                d.dkimAligned(), d.spfAligned(), dkim, spfDomain.toLowerCase(Locale.ROOT), verdict.spf().keyword()));
    }

    /** DMARC's "accept" is the report's "none". */
    private static String accept(String keyword) {
        return keyword.equals("accept") ? "none" : keyword;
    }

    private static String keyword(DkimResult r) {
        return r.status().keyword();
    }
}
