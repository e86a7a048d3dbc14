package dev.yubin.store.dmarc;

import java.time.Instant;
import java.util.List;

/**
 * Durable DMARC evaluations waiting for the next aggregate report (RFC 7489 §7.2). Every method
 * commits before it returns.
 */
public interface DmarcReportStore {

    /** An evaluation with its store id. */
    record Stored(long id, DmarcEvaluation evaluation) {
    }

    /** Records one evaluation. */
    void record(DmarcEvaluation evaluation);

    /** Policy domains with evaluations recorded before {@code before}, sorted. */
    List<String> policyDomains(Instant before);

    /** At most {@code max} evaluations of {@code policyDomain} recorded before {@code before}, oldest first. */
    List<Stored> evaluations(String policyDomain, Instant before, int max);

    /** Deletes reported evaluations. */
    void delete(List<Long> ids);
}
