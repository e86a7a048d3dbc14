package dev.yubin.store;

/**
 * A store operation failed. The subclasses say whose fault it was: {@link Conflict} and
 * {@link NotFound} are the caller's (bad argument, map to a permanent reply), a plain
 * {@code StoreException} is ours (I/O or database trouble: map to a temporary reply).
 */
public class StoreException extends RuntimeException {
    public StoreException(String message) {
        super(message);
    }

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }

    /** The thing already exists, or is still in use. */
    public static final class Conflict extends StoreException {
        public Conflict(String message) {
            super(message);
        }
    }

    /** The named thing does not exist. */
    public static final class NotFound extends StoreException {
        public NotFound(String message) {
            super(message);
        }
    }

    /** The operation would take the user over quota (RFC 9208 {@code [OVERQUOTA]}, SMTP 552 5.2.2). */
    public static final class OverQuota extends StoreException {
        public OverQuota(String message) {
            super(message);
        }
    }
}
