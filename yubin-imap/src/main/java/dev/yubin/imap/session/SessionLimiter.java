package dev.yubin.imap.session;

import dev.yubin.store.UserId;
import java.net.InetAddress;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** Counts concurrent sessions per user and client address (Dovecot's mail_max_userip_connections). */
public final class SessionLimiter {
    private record Key(UserId user, InetAddress address) {
    }

    private final int max;
    private final ConcurrentHashMap<Key, AtomicInteger> open = new ConcurrentHashMap<>();

    public SessionLimiter(int max) {
        this.max = max;
    }

    /** Takes a slot; returns a release action, or null when the limit is reached. */
    public Runnable acquire(UserId user, InetAddress address) {
        Key k = new Key(user, address);
        AtomicInteger n = open.computeIfAbsent(k, x -> new AtomicInteger());
        if (n.incrementAndGet() > max) {
            release(k, n);
            return null;
        }
        return () -> release(k, n);
    }

    private void release(Key k, AtomicInteger n) {
        if (n.decrementAndGet() <= 0) {
            open.remove(k, n);
        }
    }
}
