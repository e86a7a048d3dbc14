package dev.yubin.net.auth;

import java.time.Duration;

/**
 * Limits of the {@link Authenticator}.
 *
 * @param cacheTtl how long a successful user+password check is remembered (0 disables the cache)
 * @param cacheEntries most remembered successes; the oldest go first
 * @param concurrentHashes Argon2id computations at once (each takes ~19 MiB and ~30 ms of CPU)
 */
public record AuthenticatorSettings(Duration cacheTtl, int cacheEntries, int concurrentHashes) {
    /** Defaults: one minute, 10,000 entries, 2 hashes per core. */
    public static final AuthenticatorSettings DEFAULTS = new AuthenticatorSettings(Duration.ofMinutes(1), 10_000,
            Math.max(2, 2 * Runtime.getRuntime().availableProcessors()));

    public AuthenticatorSettings {
        if (cacheTtl.isNegative() || cacheEntries < 0 || concurrentHashes < 1) {
            throw new IllegalArgumentException("bad authenticator settings");
        }
    }
}
