package dev.yubin.store;

/** Outcome of delivering one message to one {@link DeliveryTarget}. */
public sealed interface Delivery {
    DeliveryTarget target();

    /** Stored: durable and committed. */
    record Delivered(DeliveryTarget target, MailboxId mailbox, long uid) implements Delivery {
    }

    /** Refused because the user is over quota (SMTP 552 5.2.2 for this recipient). */
    record OverQuota(DeliveryTarget target) implements Delivery {
    }
}
