package dev.yubin.smtp.server;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Message ids shown in {@code Received:} and {@code 250 Ok: queued as}: the start time of this
 * process in base 36 (so ids differ across restarts) and a counter. Unique per process run.
 */
final class QueueIds {
    private static final String PREFIX = Long.toString(System.currentTimeMillis(), 36).toUpperCase(java.util.Locale.ROOT);
    private static final AtomicLong COUNTER = new AtomicLong();

    private QueueIds() {
    }

    static String next() {
        String n = Long.toString(COUNTER.incrementAndGet(), 36).toUpperCase(java.util.Locale.ROOT);
        return PREFIX + "0000000".substring(Math.min(7, n.length())) + n;
    }
}
