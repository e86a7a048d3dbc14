package dev.yubin.dns;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/** A small LRU cache whose entries expire after their DNS TTL. Thread-safe. */
final class TtlCache {

    private record Slot(Object value, long expiresAtNanos) {
    }

    private final int capacity;
    private final long maxTtlNanos;
    private final LongSupplier nanoClock;
    private final LinkedHashMap<String, Slot> map;

    TtlCache(int capacity, long maxTtlNanos, LongSupplier nanoClock) {
        this.capacity = capacity;
        this.maxTtlNanos = maxTtlNanos;
        this.nanoClock = nanoClock;
        this.map = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Slot> eldest) {
                return size() > TtlCache.this.capacity;
            }
        };
    }

    synchronized Object get(String key) {
        Slot e = map.get(key);
        if (e == null) {
            return null;
        }
        if (nanoClock.getAsLong() - e.expiresAtNanos >= 0) {
            map.remove(key);
            return null;
        }
        return e.value;
    }

    synchronized void put(String key, Object value, long ttlSeconds) {
        if (capacity == 0 || ttlSeconds <= 0) {
            return;
        }
        long ttl = Math.min(maxTtlNanos, ttlSeconds * 1_000_000_000L);
        map.put(key, new Slot(value, nanoClock.getAsLong() + ttl));
    }
}
