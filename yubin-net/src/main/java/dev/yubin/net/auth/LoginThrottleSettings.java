package dev.yubin.net.auth;

import java.time.Duration;

/**
 * Brute-force protection shared by IMAP, POP3 and SMTP submission.
 *
 * @param firstDelay delay after the second consecutive failure; it doubles with each further one
 *     (the first failure is answered at once: people mistype)
 * @param maxDelay cap of the delay
 * @param failuresBeforeBan failures from one address (any user) that ban the address; 0 never bans
 * @param banDuration how long a banned address is refused
 * @param forgetAfter failures older than this no longer count
 * @param maxTracked addresses and users tracked at most (memory bound); stale ones go first
 */
public record LoginThrottleSettings(Duration firstDelay, Duration maxDelay, int failuresBeforeBan,
                                    Duration banDuration, Duration forgetAfter, int maxTracked) {
    /** 0, 1, 2, 4, 8, 8 … s; ban for 15 minutes after 10 failures within 15 minutes. */
    public static final LoginThrottleSettings DEFAULTS = new LoginThrottleSettings(Duration.ofSeconds(1),
            Duration.ofSeconds(8), 10, Duration.ofMinutes(15), Duration.ofMinutes(15), 100_000);

    /** No delays and no bans (tests of other behaviour, benchmarks). */
    public static final LoginThrottleSettings NONE = new LoginThrottleSettings(Duration.ZERO, Duration.ZERO, 0,
            Duration.ZERO, Duration.ofMinutes(1), 1_000);

    public LoginThrottleSettings {
        if (firstDelay.isNegative() || maxDelay.isNegative() || failuresBeforeBan < 0 || banDuration.isNegative()
                || forgetAfter.isNegative() || maxTracked < 1) {
            throw new IllegalArgumentException("bad login throttle settings");
        }
    }
}
