package dev.yubin.smtp.dmarc;

import dev.yubin.core.EmailAddress;
import java.time.Duration;
import java.util.Objects;

/**
 * Settings of the DMARC aggregate reporter (RFC 7489 §7.2).
 *
 * @param orgName our organisation's name in the report ({@code org_name})
 * @param from the address reports come from (the report's {@code email}); its domain is the
 *     "receiver" in file names and subjects
 * @param interval how often reports are sent (default one day, RFC 7489 §7.2: ri= default 86400)
 * @param maxRecordsPerReport evaluations read per policy domain and run (bounds memory)
 */
public record DmarcReportSettings(String orgName, EmailAddress from, Duration interval, int maxRecordsPerReport) {

    public static final Duration DEFAULT_INTERVAL = Duration.ofDays(1);
    public static final int DEFAULT_MAX_RECORDS = 100_000;

    public DmarcReportSettings {
        Objects.requireNonNull(orgName);
        Objects.requireNonNull(from);
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("interval must be positive");
        }
        if (maxRecordsPerReport < 1) {
            throw new IllegalArgumentException("maxRecordsPerReport must be positive");
        }
    }

    public static DmarcReportSettings defaults(String orgName, EmailAddress from) {
        return new DmarcReportSettings(orgName, from, DEFAULT_INTERVAL, DEFAULT_MAX_RECORDS);
    }
}
