package dev.yubin.imap.protocol;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Bytes of literals all connections may hold at once (APPEND bodies in flight), so many clients
 * sending large messages together cannot exhaust the heap. A literal that does not fit within a
 * short wait is refused like an oversized one.
 */
public final class LiteralBudget {
    /** No shared limit (tests and tools). */
    public static final LiteralBudget UNLIMITED = new LiteralBudget(-1);

    private static final long UNIT = 1024;
    private final Semaphore kib;
    private final long waitMillis;

    /** @param maxBytes total bytes; negative for no limit */
    public LiteralBudget(long maxBytes) {
        this(maxBytes, 10_000);
    }

    LiteralBudget(long maxBytes, long waitMillis) {
        this.kib = maxBytes < 0 ? null : new Semaphore((int) Math.min(Integer.MAX_VALUE, maxBytes / UNIT), true);
        this.waitMillis = waitMillis;
    }

    /** Takes {@code bytes} from the budget, waiting a little (10 s); false if it cannot. */
    boolean acquire(long bytes) {
        if (kib == null) {
            return true;
        }
        int units = units(bytes);
        try {
            return kib.tryAcquire(units, waitMillis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    void release(long bytes) {
        if (kib != null && bytes > 0) {
            kib.release(units(bytes));
        }
    }

    private static int units(long bytes) {
        return (int) Math.min(Integer.MAX_VALUE, (bytes + UNIT - 1) / UNIT);
    }
}
