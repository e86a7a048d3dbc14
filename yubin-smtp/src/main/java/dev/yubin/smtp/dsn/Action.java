package dev.yubin.smtp.dsn;

import dev.yubin.store.queue.Notify;
import java.util.Locale;
import java.util.Set;

/** RFC 3464 §2.3.3 Action values Yubin reports, with the RFC 3461 NOTIFY value that asks for each. */
public enum Action {
    /** Delivery failed permanently (or the message expired). */
    FAILED,
    /** Still being retried (the delayed-delivery warning). */
    DELAYED,
    /** Delivered to a local mailbox. */
    DELIVERED,
    /** Handed to a next hop that does not offer DSN, so no further report will come. */
    RELAYED;

    /** The field value, lower case. */
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Whether a recipient with these NOTIFY values wants this report (RFC 3461 §4.1): NEVER wants
     * none; without NOTIFY, failures and delays are reported (the usual default), successes not.
     */
    public boolean wantedBy(Set<Notify> notify) {
        if (notify.contains(Notify.NEVER)) {
            return false;
        }
        return switch (this) {
            case FAILED -> notify.isEmpty() || notify.contains(Notify.FAILURE);
            case DELAYED -> notify.isEmpty() || notify.contains(Notify.DELAY);
            case DELIVERED, RELAYED -> notify.contains(Notify.SUCCESS);
        };
    }
}
