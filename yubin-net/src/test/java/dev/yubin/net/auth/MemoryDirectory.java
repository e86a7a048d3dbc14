package dev.yubin.net.auth;

import dev.yubin.core.Domain;
import dev.yubin.core.EmailAddress;
import dev.yubin.store.Alias;
import dev.yubin.store.Credentials;
import dev.yubin.store.Directory;
import dev.yubin.store.Recipients;
import dev.yubin.store.User;
import dev.yubin.store.UserId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The user part of a {@link Directory} in memory, for yubin-net's unit tests of login policy
 * (the module cannot see the SQL store; protocol modules test against the real one).
 */
public final class MemoryDirectory implements Directory {
    private final Map<String, User> users = new ConcurrentHashMap<>();
    private final Map<String, Credentials> creds = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();

    @Override
    public void addDomain(Domain domain) {
    }

    @Override
    public void removeDomain(Domain domain) {
        throw new UnsupportedOperationException();
    }

    @Override
    public List<Domain> domains() {
        return List.of();
    }

    @Override
    public boolean isLocalDomain(Domain domain) {
        return true;
    }

    @Override
    public User addUser(EmailAddress address, Credentials credentials) {
        User u = new User(new UserId(ids.incrementAndGet()), address, 0);
        users.put(address.canonical(), u);
        creds.put(address.canonical(), credentials);
        return u;
    }

    @Override
    public Optional<User> user(EmailAddress address) {
        return Optional.ofNullable(users.get(address.canonical()));
    }

    @Override
    public Optional<User> user(UserId id) {
        return users.values().stream().filter(u -> u.id().equals(id)).findFirst();
    }

    @Override
    public List<User> users() {
        return new ArrayList<>(users.values());
    }

    @Override
    public Optional<Credentials> credentials(EmailAddress address) {
        return Optional.ofNullable(creds.get(address.canonical()));
    }

    @Override
    public void setCredentials(EmailAddress address, Credentials credentials) {
        creds.put(address.canonical(), credentials);
    }

    @Override
    public void setQuota(EmailAddress address, long quotaBytes) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void removeUser(EmailAddress address) {
        users.remove(address.canonical());
        creds.remove(address.canonical());
    }

    @Override
    public void addAlias(Alias alias) {
        throw new UnsupportedOperationException();
    }

    @Override
    public List<Alias> aliases() {
        return List.of();
    }

    @Override
    public void removeAlias(String source) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Recipients resolve(EmailAddress recipient) {
        return Recipients.none();
    }
}
