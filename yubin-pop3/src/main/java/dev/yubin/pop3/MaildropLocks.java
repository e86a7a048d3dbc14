package dev.yubin.pop3;

import dev.yubin.store.UserId;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One POP3 session per maildrop at a time (RFC 1939 §8: the server acquires an exclusive lock
 * on the maildrop; RFC 2449 §8.1.1 {@code [IN-USE]} when it cannot). In-process only: IMAP
 * sessions do not take it. Known gap: processes of a cluster do not see each other's locks.
 */
final class MaildropLocks {
    private final ConcurrentHashMap<UserId, String> owners = new ConcurrentHashMap<>();

    /** True if {@code session} now holds the lock of {@code user}. */
    boolean tryLock(UserId user, String session) {
        return owners.putIfAbsent(user, session) == null;
    }

    void unlock(UserId user, String session) {
        owners.remove(user, session);
    }

    boolean isLocked(UserId user) {
        return owners.containsKey(user);
    }
}
