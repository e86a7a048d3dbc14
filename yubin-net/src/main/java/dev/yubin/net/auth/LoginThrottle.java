package dev.yubin.net.auth;

import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Progressive delays after failed logins, per client address and per user, and a temporary ban
 * of an address after too many failures. Shared by every protocol so an attacker cannot switch
 * from IMAP to POP3 to SMTP AUTH to get more guesses.
 *
 * <p>How a protocol uses it: at connect and before each attempt, {@link #bannedUntil} — when
 * banned, SMTP answers {@code 421 4.7.0} and closes, IMAP {@code * BYE}, POP3 {@code -ERR
 * [SYS/TEMP]}. After a wrong password, {@link #failed} gives a {@link Penalty}: sleep its delay
 * ({@link Penalty#sleep()}; cheap on a virtual thread) before the failure reply, and if it says
 * banned, close after the reply (IMAP/POP3: NO/-ERR then BYE; SMTP: 421 4.7.0). After a
 * success, {@link #succeeded} clears the counters of that address and user.
 */
public final class LoginThrottle {
    private static final Logger LOG = LoggerFactory.getLogger(LoginThrottle.class);

    private final LoginThrottleSettings settings;
    private final Clock clock;
    private final ConcurrentHashMap<InetAddress, Record> byAddress = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Record> byUser = new ConcurrentHashMap<>();

    /** Failures counted for one key, and the end of its ban (EPOCH when none). */
    private record Record(int failures, Instant last, Instant bannedUntil) {
    }

    /**
     * What to do after a failure.
     *
     * @param delay wait this long before answering
     * @param banned the address is now banned: close the connection after answering
     */
    public record Penalty(Duration delay, boolean banned) {
        /** Sleeps the delay (on a virtual thread this costs no platform thread). */
        public void sleep() throws InterruptedException {
            if (!delay.isZero()) {
                Thread.sleep(delay.toMillis());
            }
        }
    }

    public LoginThrottle(LoginThrottleSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    public LoginThrottle(LoginThrottleSettings settings) {
        this(settings, Clock.systemUTC());
    }

    /** The end of the address's ban, if it is banned now. */
    public Optional<Instant> bannedUntil(InetAddress address) {
        Record r = byAddress.get(address);
        Instant now = clock.instant();
        return r != null && now.isBefore(r.bannedUntil()) ? Optional.of(r.bannedUntil()) : Optional.empty();
    }

    public boolean isBanned(InetAddress address) {
        return bannedUntil(address).isPresent();
    }

    /** Records a failed login; {@code username} may be empty when the client never named one. */
    public Penalty failed(InetAddress address, String username) {
        Instant now = clock.instant();
        prune(now);
        Record a = byAddress.compute(address, (k, old) -> bump(old, now, true));
        int userFailures = 0;
        if (username != null && !username.isEmpty()) {
            userFailures = byUser.compute(userKey(username), (k, old) -> bump(old, now, false)).failures();
        }
        Duration delay = delayFor(Math.max(a.failures(), userFailures));
        boolean banned = now.isBefore(a.bannedUntil());
        if (banned && a.bannedUntil().equals(now.plus(settings.banDuration()))) { // newly banned
            LOG.warn("event=auth.address_banned remote={} until={} failures={}", address.getHostAddress(),
                    a.bannedUntil(), a.failures());
        }
        return new Penalty(delay, banned);
    }

    /** Records a successful login: the address's and the user's failures are forgotten. */
    public void succeeded(InetAddress address, String username) {
        byAddress.computeIfPresent(address, (k, r) -> r.bannedUntil().isAfter(clock.instant()) ? r : null);
        if (username != null) {
            byUser.remove(userKey(username));
        }
    }

    private Record bump(Record old, Instant now, boolean canBan) {
        int failures = 1;
        Instant banned = Instant.EPOCH;
        if (old != null && !now.isAfter(old.last().plus(settings.forgetAfter()))) {
            failures = old.failures() + 1;
            banned = old.bannedUntil();
        }
        if (old != null && now.isBefore(old.bannedUntil())) {
            banned = old.bannedUntil(); // a ban runs its course even if the counters are old
        }
        if (canBan && settings.failuresBeforeBan() > 0 && failures >= settings.failuresBeforeBan()
                && !now.isBefore(banned)) {
            banned = now.plus(settings.banDuration());
        }
        return new Record(failures, now, banned);
    }

    Duration delayFor(int failures) {
        if (failures <= 1 || settings.firstDelay().isZero()) {
            return Duration.ZERO;
        }
        int shift = Math.min(failures - 2, 30);
        Duration d = settings.firstDelay().multipliedBy(1L << shift);
        return d.compareTo(settings.maxDelay()) > 0 ? settings.maxDelay() : d;
    }

    /** Addresses and users currently tracked (for tests and metrics). */
    public int trackedCount() {
        return byAddress.size() + byUser.size();
    }

    private static String userKey(String username) {
        return username.strip().toLowerCase(Locale.ROOT);
    }

    private void prune(Instant now) {
        if (byAddress.size() + byUser.size() <= settings.maxTracked()) {
            return;
        }
        byAddress.entrySet().removeIf(e -> stale(e.getValue(), now));
        byUser.entrySet().removeIf(e -> stale(e.getValue(), now));
        if (byUser.size() > settings.maxTracked() / 2) {
            byUser.clear(); // a flood of made-up user names: per-address counting still holds
        }
    }

    private boolean stale(Record r, Instant now) {
        return now.isAfter(r.last().plus(settings.forgetAfter())) && !now.isBefore(r.bannedUntil());
    }
}
