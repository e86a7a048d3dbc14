package dev.yubin.dns;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import org.xbill.DNS.ResolverConfig;

/**
 * Settings of {@link DnsjavaResolver}.
 *
 * @param servers recursive resolvers to ask, in order (at least one)
 * @param timeout time allowed for one query to one server
 * @param retries extra attempts per server after a timeout
 * @param cacheEntries maximum cached answers (0 disables the cache)
 * @param maxCacheTtl upper bound for the time an answer is cached, whatever its TTL
 */
public record DnsjavaSettings(List<InetSocketAddress> servers, Duration timeout, int retries,
                              int cacheEntries, Duration maxCacheTtl) {

    /** Defaults: 5 s per query, 1 retry, 10,000 cached answers, at most 1 hour. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);
    public static final int DEFAULT_RETRIES = 1;
    public static final int DEFAULT_CACHE_ENTRIES = 10_000;
    public static final Duration DEFAULT_MAX_CACHE_TTL = Duration.ofHours(1);

    public DnsjavaSettings {
        servers = List.copyOf(servers);
        if (servers.isEmpty()) {
            throw new IllegalArgumentException("at least one DNS server is needed");
        }
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive");
        }
        if (retries < 0 || cacheEntries < 0 || maxCacheTtl.isNegative()) {
            throw new IllegalArgumentException("retries, cacheEntries and maxCacheTtl must not be negative");
        }
    }

    /** The servers of the system configuration (/etc/resolv.conf) with the defaults. */
    public static DnsjavaSettings system() {
        List<InetSocketAddress> servers = ResolverConfig.getCurrentConfig().servers();
        if (servers.isEmpty()) {
            servers = List.of(new InetSocketAddress("127.0.0.1", 53));
        }
        return new DnsjavaSettings(servers, DEFAULT_TIMEOUT, DEFAULT_RETRIES, DEFAULT_CACHE_ENTRIES,
                DEFAULT_MAX_CACHE_TTL);
    }

    /** One server (e.g. the test DNS server on loopback) with the defaults. */
    public static DnsjavaSettings of(InetSocketAddress server) {
        return new DnsjavaSettings(List.of(server), DEFAULT_TIMEOUT, DEFAULT_RETRIES, DEFAULT_CACHE_ENTRIES,
                DEFAULT_MAX_CACHE_TTL);
    }

    public DnsjavaSettings withTimeout(Duration t) {
        return new DnsjavaSettings(servers, t, retries, cacheEntries, maxCacheTtl);
    }

    public DnsjavaSettings withCacheEntries(int n) {
        return new DnsjavaSettings(servers, timeout, retries, n, maxCacheTtl);
    }
}
