package dev.yubin.net.auth;

import dev.yubin.core.EmailAddress;
import dev.yubin.store.Credentials;
import dev.yubin.store.Directory;
import dev.yubin.store.Passwords;
import dev.yubin.store.StoreException;
import dev.yubin.store.User;
import dev.yubin.store.UserId;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks user names and passwords against the {@link Directory}: the one place every protocol
 * (IMAP LOGIN/AUTHENTICATE, POP3 USER/PASS/AUTH, SMTP AUTH) verifies a password.
 *
 * <p>User names are e-mail addresses, compared case-insensitively. Passwords are checked with
 * Argon2id ({@link Passwords#verify}); at most {@link AuthenticatorSettings#concurrentHashes()}
 * run at once so a burst of logins cannot exhaust memory. An unknown user costs the same hash as
 * a known one, so timing does not reveal which addresses exist.
 *
 * <p>Successful checks are remembered for a short time (like Dovecot's auth cache), keyed by an
 * HMAC of user and password under a per-process random key, so repeated logins skip Argon2id;
 * the clear password is never kept. An entry is used only while the stored hash is unchanged, so
 * a password change takes effect at once.
 *
 * <p>This class does not delay or ban: protocols combine it with {@link LoginThrottle}.
 */
public final class Authenticator {
    private static final Logger LOG = LoggerFactory.getLogger(Authenticator.class);

    private final Directory directory;
    private final AuthenticatorSettings settings;
    private final Clock clock;
    private final Semaphore hashing;
    private final byte[] cacheKey = new byte[32];
    private final Map<String, Cached> cache;
    private final java.util.concurrent.atomic.AtomicLong hashes = new java.util.concurrent.atomic.AtomicLong();
    private volatile Credentials dummy;

    private record Cached(UserId user, String passwordHash, Instant expires) {
    }

    public Authenticator(Directory directory, AuthenticatorSettings settings, Clock clock) {
        this.directory = directory;
        this.settings = settings;
        this.clock = clock;
        this.hashing = new Semaphore(settings.concurrentHashes(), true);
        new SecureRandom().nextBytes(cacheKey);
        int max = settings.cacheEntries();
        this.cache = new LinkedHashMap<>(16, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Cached> eldest) {
                return size() > max;
            }
        };
    }

    public Authenticator(Directory directory) {
        this(directory, AuthenticatorSettings.DEFAULTS, Clock.systemUTC());
    }

    /** Checks a user name (an e-mail address) and password. Blocks for the hash (~30 ms). */
    public LoginResult login(String username, String password) {
        EmailAddress address;
        try {
            address = EmailAddress.parse(username);
        } catch (IllegalArgumentException e) {
            burnHash(password);
            return new LoginResult.Rejected(username);
        }
        try {
            Optional<Credentials> creds = directory.credentials(address);
            if (creds.isEmpty()) {
                burnHash(password);
                return new LoginResult.Rejected(username);
            }
            String key = cacheKey(address, password);
            Cached hit = cached(key);
            if (hit != null && hit.passwordHash().equals(creds.get().passwordHash())) {
                Optional<User> user = directory.user(hit.user());
                if (user.isPresent()) {
                    return new LoginResult.Authenticated(user.get());
                }
            }
            if (!verify(password, creds.get())) {
                return new LoginResult.Rejected(username);
            }
            Optional<User> user = directory.user(address);
            if (user.isEmpty()) {
                return new LoginResult.Rejected(username); // removed meanwhile
            }
            remember(key, new Cached(user.get().id(), creds.get().passwordHash(),
                    clock.instant().plus(settings.cacheTtl())));
            return new LoginResult.Authenticated(user.get());
        } catch (StoreException e) {
            LOG.warn("event=auth.directory_failed user={}", username, e);
            return new LoginResult.Unavailable(e.getMessage() == null ? "directory unavailable" : e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new LoginResult.Unavailable("interrupted");
        }
    }

    /**
     * The SCRAM-SHA-256 verifier of a user, for {@code ScramSha256Mechanism}; empty if the user is
     * unknown or has no verifier. @throws StoreException when the directory cannot be read
     */
    public Optional<ScramAccount> scramAccount(String username) {
        EmailAddress address;
        try {
            address = EmailAddress.parse(username);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        Optional<Credentials> creds = directory.credentials(address);
        if (creds.isEmpty() || creds.get().scramSha256().isEmpty()) {
            return Optional.empty();
        }
        return directory.user(address).map(u -> new ScramAccount(u, creds.get().scramSha256().get()));
    }

    /** A per-process secret for deriving fake SCRAM salts of unknown users (no user enumeration); for {@code dev.yubin.net.sasl}. */
    public byte[] fakeSaltKeyForSasl() {
        return Passwords.hmac(cacheKey, "scram-fake-salt");
    }

    /** Argon2id computations so far (metrics; tests check the cache with it). */
    public long hashCount() {
        return hashes.get();
    }

    private boolean verify(String password, Credentials creds) throws InterruptedException {
        hashing.acquire();
        hashes.incrementAndGet();
        try {
            return Passwords.verify(password, creds);
        } catch (RuntimeException e) {
            LOG.warn("event=auth.bad_hash error={}", e.toString());
            return false;
        } finally {
            hashing.release();
        }
    }

    /** Spends the time of a real check so unknown users are not told apart by timing. */
    private void burnHash(String password) {
        Credentials d = dummy;
        if (d == null) {
            d = Passwords.create("yubin-dummy-password");
            dummy = d;
        }
        try {
            verify(password, d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private String cacheKey(EmailAddress address, String password) {
        byte[] data = (address.canonical() + "\0" + password).getBytes(StandardCharsets.UTF_8);
        return HexFormat.of().formatHex(Passwords.hmac(cacheKey, data));
    }

    private Cached cached(String key) {
        if (settings.cacheTtl().isZero()) {
            return null;
        }
        synchronized (cache) {
            Cached c = cache.get(key);
            if (c != null && !clock.instant().isBefore(c.expires())) {
                cache.remove(key);
                return null;
            }
            return c;
        }
    }

    private void remember(String key, Cached value) {
        if (settings.cacheTtl().isZero() || settings.cacheEntries() == 0) {
            return;
        }
        synchronized (cache) {
            cache.remove(key); // re-insert at the young end
            cache.put(key, value);
        }
    }
}
