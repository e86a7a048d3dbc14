package dev.yubin.store.sql;

import dev.yubin.store.MessageRecord;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Recently read message lists of mailboxes, each valid at one HIGHESTMODSEQ. Every change to a
 * mailbox's messages raises its HIGHESTMODSEQ (RFC 7162), so a list is brought up to date by
 * applying the changes since its MODSEQ: changed and new records replace or follow, expunged
 * UIDs drop out. Bounded by a total record count, least recently used mailboxes evicted first.
 */
final class MessageListCache {
    /** About 20 to 40 MB of records at most. */
    static final int MAX_RECORDS = 150_000;

    /** A mailbox's messages, ascending by UID, as of {@code modSeq}. */
    record Entry(long modSeq, List<MessageRecord> messages) {
    }

    private final Map<Long, Entry> entries = new LinkedHashMap<>(64, 0.75f, true);
    private int records;

    synchronized Entry get(long mailboxId) {
        return entries.get(mailboxId);
    }

    synchronized void put(long mailboxId, Entry entry) {
        if (entry.messages().size() > MAX_RECORDS / 4) {
            return; // one huge mailbox would evict everything else
        }
        Entry old = entries.get(mailboxId);
        if (old != null && old.modSeq() >= entry.modSeq()) {
            return; // a concurrent reader already stored the same or a newer state
        }
        if (old != null) {
            records -= old.messages().size();
        }
        entries.put(mailboxId, entry);
        records += entry.messages().size();
        var it = entries.entrySet().iterator();
        while (records > MAX_RECORDS && it.hasNext()) {
            Entry eldest = it.next().getValue();
            records -= eldest.messages().size();
            it.remove();
        }
    }

    /** {@code base} with {@code changed} records applied and {@code expunged} UIDs removed. */
    static List<MessageRecord> apply(List<MessageRecord> base, List<MessageRecord> changed, List<Long> expunged) {
        if (changed.isEmpty() && expunged.isEmpty()) {
            return base;
        }
        Set<Long> gone = new HashSet<>(expunged);
        Map<Long, MessageRecord> updated = new HashMap<>();
        for (MessageRecord m : changed) {
            updated.put(m.uid(), m);
        }
        List<MessageRecord> out = new ArrayList<>(base.size() + changed.size());
        long last = 0;
        for (MessageRecord m : base) {
            if (gone.contains(m.uid())) {
                continue;
            }
            MessageRecord u = updated.remove(m.uid());
            out.add(u != null ? u : m);
            last = m.uid();
        }
        for (MessageRecord m : changed) { // the rest are new: UIDs above every cached one, ascending
            if (updated.containsKey(m.uid()) && m.uid() > last) {
                out.add(m);
            }
        }
        return List.copyOf(out);
    }
}
