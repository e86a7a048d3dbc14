package dev.yubin.store;

import java.util.Optional;

/**
 * A folder of one user, with the IMAP state the store maintains (RFC 9051 §2.3.1.1, RFC 7162).
 *
 * @param name full hierarchical name with {@code /} as separator; {@code INBOX} is always spelled
 *     in upper case
 * @param uidValidity fixed at creation; a new mailbox with an old name gets a new, larger value
 * @param uidNext the UID the next message added will get
 * @param highestModSeq the MODSEQ of the last change to any message of the mailbox
 */
public record Mailbox(MailboxId id, UserId owner, String name, Optional<SpecialUse> specialUse,
                      long uidValidity, long uidNext, long highestModSeq) {

    public static final String INBOX = "INBOX";
    public static final char SEPARATOR = '/';

    public boolean isInbox() {
        return INBOX.equals(name);
    }
}
