package dev.yubin.auth.mtasts;

import java.time.Instant;
import java.util.Objects;

/**
 * A fetched MTA-STS policy as kept in the cache (RFC 8461 §5.1): the TXT id it was fetched for,
 * the policy, and when it was fetched. It is valid until {@code fetched + max_age}.
 */
public record CachedPolicy(String id, MtaStsPolicy policy, Instant fetched) {

    public CachedPolicy {
        Objects.requireNonNull(policy);
        Objects.requireNonNull(fetched);
        new MtaStsRecord(id); // validates the id
    }

    public Instant expires() {
        return fetched.plusSeconds(policy.maxAgeSeconds());
    }

    public boolean isValidAt(Instant now) {
        return now.isBefore(expires());
    }

    /** Past half of max_age: time to refresh it while it still protects (RFC 8461 §5.1). */
    public boolean isDueForRefreshAt(Instant now) {
        return !now.isBefore(fetched.plusSeconds(policy.maxAgeSeconds() / 2));
    }
}
