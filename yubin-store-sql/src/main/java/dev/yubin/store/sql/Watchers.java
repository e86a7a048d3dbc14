package dev.yubin.store.sql;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Listeners of mailboxes, called after a commit that touched them (IMAP IDLE and NOOP). */
final class Watchers {
    private static final Logger LOG = LoggerFactory.getLogger(Watchers.class);
    private final Map<Long, List<Runnable>> byMailbox = new ConcurrentHashMap<>();

    AutoCloseable add(long mailboxId, Runnable listener) {
        byMailbox.computeIfAbsent(mailboxId, k -> new CopyOnWriteArrayList<>()).add(listener);
        return () -> byMailbox.computeIfPresent(mailboxId, (k, list) -> {
            list.remove(listener);
            return list.isEmpty() ? null : list;
        });
    }

    boolean isEmpty() {
        return byMailbox.isEmpty();
    }

    void fire(Collection<Long> mailboxIds) {
        for (Long id : mailboxIds) {
            List<Runnable> list = byMailbox.get(id);
            if (list == null) {
                continue;
            }
            for (Runnable r : list) {
                try {
                    r.run();
                } catch (RuntimeException e) {
                    LOG.warn("event=store.listener_failed mailbox={}", id, e);
                }
            }
        }
    }
}
