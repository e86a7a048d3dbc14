package dev.yubin.store;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Users' mailboxes and the messages in them: the IMAP data model (RFC 9051 §2.3) with UIDs,
 * MODSEQs (RFC 7162) and flags. Bodies live in the {@link BlobStore}; this store keeps the index.
 *
 * <p>Invariants every implementation keeps (the contract suite checks them): UIDs in a mailbox
 * strictly increase and are never reused while UIDVALIDITY stays; every change to a message's
 * flags or presence takes a new MODSEQ greater than the mailbox's previous HIGHESTMODSEQ; a
 * method that returns has committed durably; listeners registered with {@link #watch} hear of a
 * change only after its commit.
 */
public interface MailboxStore {

    /** The user's mailboxes, ordered by name. */
    List<Mailbox> mailboxes(UserId user);

    /** Looks up by name; {@code INBOX} matches case-insensitively (RFC 9051 §5.1). */
    Optional<Mailbox> mailbox(UserId user, String name);

    Optional<Mailbox> mailbox(MailboxId id);

    /** @throws StoreException.Conflict if the name exists */
    Mailbox createMailbox(UserId user, String name, Optional<SpecialUse> specialUse);

    /** Deletes the mailbox and its messages. @throws StoreException.Conflict for INBOX */
    void deleteMailbox(MailboxId id);

    /**
     * Renames a mailbox and its children ({@code a/b} follows {@code a}). Renaming INBOX is not
     * done here (IMAP moves its messages instead). @throws StoreException.Conflict if taken
     */
    void renameMailbox(MailboxId id, String newName);

    /** Subscriptions are names (RFC 9051 §6.3.7): they may name mailboxes that do not exist. */
    void subscribe(UserId user, String name);

    void unsubscribe(UserId user, String name);

    List<String> subscriptions(UserId user);

    MailboxCounts counts(MailboxId id);

    /** Bytes used by all of the user's messages (for QUOTA, RFC 9208 STORAGE). */
    long usedBytes(UserId user);

    /**
     * Adds one message to many users' mailboxes in one transaction (the SMTP delivery path).
     * All targets share the one blob. Targets over quota are skipped and reported as such.
     */
    List<Delivery> deliver(NewMessage message, List<DeliveryTarget> targets);

    /** IMAP APPEND. @throws StoreException.OverQuota */
    AppendResult append(MailboxId mailbox, NewMessage message, Collection<String> flags);

    /** Every message of the mailbox, ascending by UID. */
    List<MessageRecord> messages(MailboxId mailbox);

    /** The cached summaries ({@link NewMessage#summary()}) of these UIDs, in the same order; "" for a missing UID. */
    List<String> summaries(MailboxId mailbox, List<Long> uids);

    /**
     * Changes flags of the given UIDs (missing UIDs are ignored).
     *
     * @param unchangedSince RFC 7162 UNCHANGEDSINCE, or {@code -1} for none
     */
    FlagsResult storeFlags(MailboxId mailbox, Collection<Long> uids, FlagChange change, long unchangedSince);

    /**
     * Removes messages flagged {@code \Deleted}; all of them, or only those among {@code uids}
     * (UID EXPUNGE). Returns the removed UIDs ascending.
     */
    List<Long> expunge(MailboxId mailbox, Optional<Collection<Long>> uids);

    /** Copies messages (sharing blobs), keeping flags and internal dates. @throws StoreException.OverQuota */
    CopyResult copy(MailboxId from, Collection<Long> uids, MailboxId to);

    /** Atomically copies then expunges the source messages (RFC 6851). */
    CopyResult move(MailboxId from, Collection<Long> uids, MailboxId to);

    /** Changes after {@code modSeq}. Expunges are remembered as tombstones. */
    Changes changesSince(MailboxId mailbox, long modSeq);

    /**
     * Claims the {@code \Recent} messages for a session that selects the mailbox read-write
     * (RFC 3501 §2.3.2): returns the lowest UID that is recent for the caller and moves the
     * mailbox's mark to UIDNEXT, so no other session sees them as recent.
     */
    long claimRecent(MailboxId mailbox);

    /**
     * Claims the {@code \Recent} messages below {@code uidEnd} only (the UIDs a session has seen),
     * so a message that arrives meanwhile stays for the claim that sees it (RFC 3501 §2.3.2: recent
     * in exactly one session). Returns the mark before the call: the caller's recent UIDs are
     * {@code [result, uidEnd)}, none if {@code result >= uidEnd}. The mark never moves back.
     */
    long claimRecent(MailboxId mailbox, long uidEnd);

    /**
     * How many messages the next {@link #claimRecent} would hand out, without claiming them
     * (STATUS RECENT, RFC 3501 §6.3.10).
     */
    long countRecent(MailboxId mailbox);

    /**
     * The lowest UID the next {@link #claimRecent} would hand out, without claiming (a read-only
     * EXAMINE shows \Recent but MUST NOT take it, RFC 3501 §6.3.2).
     */
    long recentMark(MailboxId mailbox);

    /**
     * Full-text search: UIDs (ascending) of the mailbox's messages whose decoded text in {@code scope}
     * contains {@code text}, ignoring case. The text comes from the store's {@link TextExtractor}:
     * indexed in the background, and extracted on the spot for messages not indexed yet.
     */
    List<Long> searchText(MailboxId mailbox, String text, TextScope scope);

    /** {@link #searchText(MailboxId, String, TextScope)} over header and body. */
    default List<Long> searchText(MailboxId mailbox, String text) {
        return searchText(mailbox, text, TextScope.TEXT);
    }

    /**
     * Calls {@code listener} after each committed change to the mailbox (new messages, flags,
     * expunges), from a store thread; the listener must not block. Close the handle to stop.
     */
    AutoCloseable watch(MailboxId mailbox, Runnable listener);
}
