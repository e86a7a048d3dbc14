package dev.yubin.imap.session;

import dev.yubin.core.EmailAddress;
import dev.yubin.store.Credentials;
import dev.yubin.store.Directory;
import dev.yubin.store.Passwords;
import dev.yubin.store.StoreException;
import dev.yubin.store.User;
import java.net.InetAddress;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Password check straight against the {@link Directory} with a progressive delay after failures
 * per client address (1 s, 2 s, 4 s ... up to 15 s), for deployments without the shared
 * authenticator of {@code dev.yubin.net.auth}.
 */
public final class DirectoryLogins implements Logins {
    private final Directory directory;
    private final ConcurrentHashMap<InetAddress, Integer> failures = new ConcurrentHashMap<>();

    public DirectoryLogins(Directory directory) {
        this.directory = directory;
    }

    @Override
    public Outcome login(String username, String password, InetAddress client) {
        int failed = failures.getOrDefault(client, 0);
        if (failed > 0) {
            sleep(Math.min(15_000L, 1000L << Math.min(failed - 1, 4)));
        }
        try {
            EmailAddress address = EmailAddress.parse(username);
            Optional<Credentials> creds = directory.credentials(address);
            if (creds.isPresent() && Passwords.verify(password, creds.get())) {
                Optional<User> user = directory.user(address);
                if (user.isPresent()) {
                    failures.remove(client);
                    return new Outcome.Accepted(user.get());
                }
            }
        } catch (IllegalArgumentException e) {
            // not an address: rejected like a wrong password
        } catch (StoreException e) {
            return new Outcome.Unavailable();
        }
        failures.merge(client, 1, Integer::sum);
        if (failures.size() > 100_000) {
            failures.clear();
        }
        return new Outcome.Rejected();
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
