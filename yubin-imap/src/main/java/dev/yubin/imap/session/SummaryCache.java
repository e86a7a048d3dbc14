package dev.yubin.imap.session;

import dev.yubin.message.MessageSummary;
import dev.yubin.store.MailboxId;
import dev.yubin.store.MailboxStore;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Parsed message summaries shared by all sessions of a server, so repeated FETCH ENVELOPE /
 * BODYSTRUCTURE / section requests neither query nor parse again (like Dovecot's index cache).
 * A message is immutable under its (mailbox, UID) — mailbox ids are never reused — so entries
 * never go stale; the cache is bounded and sheds an arbitrary tenth when full.
 */
public final class SummaryCache {
    private record Key(long mailbox, long uid) {
    }

    private final int capacity;
    private final ConcurrentHashMap<Key, MessageSummary> map = new ConcurrentHashMap<>();

    public SummaryCache(int capacity) {
        this.capacity = capacity;
    }

    /** The summaries of these UIDs in order (null where missing or unreadable), reading misses in one query. */
    List<MessageSummary> get(MailboxStore store, MailboxId mailbox, List<Long> uids) {
        List<MessageSummary> out = new ArrayList<>(uids.size());
        List<Long> missing = null;
        List<Integer> missingAt = null;
        for (int i = 0; i < uids.size(); i++) {
            MessageSummary m = capacity > 0 ? map.get(new Key(mailbox.value(), uids.get(i))) : null;
            out.add(m);
            if (m == null) {
                if (missing == null) {
                    missing = new ArrayList<>();
                    missingAt = new ArrayList<>();
                }
                missing.add(uids.get(i));
                missingAt.add(i);
            }
        }
        if (missing != null) {
            List<String> json = store.summaries(mailbox, missing);
            for (int k = 0; k < json.size(); k++) {
                MessageSummary m = parse(json.get(k));
                if (m != null) {
                    out.set(missingAt.get(k), m);
                    put(new Key(mailbox.value(), missing.get(k)), m);
                }
            }
        }
        return out;
    }

    private void put(Key k, MessageSummary m) {
        if (capacity <= 0) {
            return;
        }
        if (map.size() >= capacity) {
            int drop = Math.max(1, capacity / 10);
            Iterator<Key> it = map.keySet().iterator();
            while (drop-- > 0 && it.hasNext()) {
                it.next();
                it.remove();
            }
        }
        map.put(k, m);
    }

    private static MessageSummary parse(String json) {
        if (json == null || json.isEmpty()) {
            return null;
        }
        try {
            return MessageSummary.fromJson(json);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
