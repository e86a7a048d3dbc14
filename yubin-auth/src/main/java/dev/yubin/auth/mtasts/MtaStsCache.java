package dev.yubin.auth.mtasts;

import dev.yubin.dns.Resolver;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The MTA-STS policy in force for a recipient domain (RFC 8461 §5.1), as the delivery client asks
 * for it before connecting: the {@code _mta-sts} TXT record says which policy id is current; a
 * cached policy with that id, less than half its max_age old, is used as it is; otherwise the
 * policy is fetched (so a policy in use is refreshed before it expires, RFC 8461 §5.1), and
 * a valid one replaces the cached one (kept in a {@link MtaStsPolicyStore}, so restarts keep it).
 *
 * <p>When the TXT lookup fails, the TXT record is gone, or the fetch fails or answers an invalid
 * policy, an unexpired cached policy stays in force (RFC 8461 §5.1: this is what defeats an
 * attacker who blocks the fetch); without one the domain has no policy. Failed fetches are not
 * repeated within {@link #RETRY_AFTER_FAILURE} for the same id. Safe for concurrent use; at most one
 * fetch per domain runs at a time.
 */
public final class MtaStsCache {
    private static final Logger LOG = LoggerFactory.getLogger(MtaStsCache.class);

    /** How long a failed fetch is not repeated (per domain and TXT id). */
    public static final Duration RETRY_AFTER_FAILURE = Duration.ofMinutes(5);

    private record Failure(String id, Instant at) {
    }

    private final Resolver resolver;
    private final MtaStsFetcher fetcher;
    private final MtaStsPolicyStore store;
    private final Clock clock;
    private final Map<String, CachedPolicy> memory = new ConcurrentHashMap<>();
    private final Map<String, Failure> failures = new ConcurrentHashMap<>();
    private final Map<String, ReentrantLock> fetching = new ConcurrentHashMap<>();

    public MtaStsCache(Resolver resolver, MtaStsFetcher fetcher, MtaStsPolicyStore store, Clock clock) {
        this.resolver = resolver;
        this.fetcher = fetcher;
        this.store = store;
        this.clock = clock;
    }

    /**
     * The policy that applies to mail for {@code domain}; empty when the domain has none. A policy
     * in mode {@code none} is returned as such (it has no MX list and enforces nothing).
     */
    public Optional<MtaStsPolicy> policy(String domain) {
        String d = domain.toLowerCase(Locale.ROOT);
        Instant now = clock.instant();
        Optional<CachedPolicy> cached = cached(d).filter(c -> c.isValidAt(now));
        MtaStsRecord.Lookup txt = MtaStsRecord.lookup(resolver, d);
        if (!(txt instanceof MtaStsRecord.Found found)) {
            // RFC 8461 §5.1: no (usable) TXT record or a DNS failure: a cached policy stays in force
            return cached.map(CachedPolicy::policy);
        }
        String id = found.record().id();
        if (isCurrent(cached, id, now)) {
            return cached.map(CachedPolicy::policy); // RFC 8461 §3.1: same id, same policy: no fetch
        }
        ReentrantLock lock = fetching.computeIfAbsent(d, k -> new ReentrantLock());
        lock.lock(); // one fetch per domain at a time: the agents for one destination wait for it
        try {
            return fetch(d, id, now);
        } finally {
            lock.unlock();
        }
    }

    private Optional<MtaStsPolicy> fetch(String d, String id, Instant now) {
        Optional<CachedPolicy> cached = cached(d).filter(c -> c.isValidAt(now));
        if (isCurrent(cached, id, now)) {
            return cached.map(CachedPolicy::policy); // fetched meanwhile by another agent
        }
        Failure f = failures.get(d);
        if (f != null && f.id().equals(id) && now.isBefore(f.at().plus(RETRY_AFTER_FAILURE))) {
            return cached.map(CachedPolicy::policy);
        }
        MtaStsFetcher.Result result = fetcher.fetch(d);
        Optional<MtaStsPolicy> fetched = result instanceof MtaStsFetcher.Fetched ok
                ? MtaStsPolicy.parse(ok.body()) : Optional.empty();
        if (fetched.isEmpty()) {
            String reason = result instanceof MtaStsFetcher.Failed failed ? failed.reason() : "invalid policy";
            failures.put(d, new Failure(id, now));
            LOG.info("event=mta_sts.fetch_failed domain={} id={} cached={} reason=\"{}\"", d, id, cached.isPresent(),
                    reason);
            return cached.map(CachedPolicy::policy); // RFC 8461 §5.1: keep using the unexpired cached policy
        }
        CachedPolicy fresh = new CachedPolicy(id, fetched.get(), now);
        failures.remove(d);
        memory.put(d, fresh);
        store.put(d, fresh);
        LOG.info("event=mta_sts.policy_fetched domain={} id={} mode={} max_age={}", d, id,
                fresh.policy().mode().name().toLowerCase(Locale.ROOT), fresh.policy().maxAgeSeconds());
        return Optional.of(fresh.policy());
    }

    /** Same id and not yet half way to expiry: used without a fetch; older ones are refreshed (RFC 8461 §5.1). */
    private static boolean isCurrent(Optional<CachedPolicy> cached, String id, Instant now) {
        return cached.isPresent() && cached.get().id().equals(id) && !cached.get().isDueForRefreshAt(now);
    }

    private Optional<CachedPolicy> cached(String domain) {
        CachedPolicy c = memory.get(domain);
        if (c != null) {
            return Optional.of(c);
        }
        Optional<CachedPolicy> stored = store.get(domain);
        stored.ifPresent(p -> memory.putIfAbsent(domain, p));
        return stored;
    }
}
