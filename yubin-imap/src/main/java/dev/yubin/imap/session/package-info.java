/**
 * IMAP sessions: the state machine, one processor per command, the per-session view of the selected
 * mailbox and the delivery of other sessions' changes.
 *
 * <p>RFCs: 9051 §3 (states), §5.2-5.5 (mailbox size and message status updates, command pipelining),
 * §7.5.1 (when EXPUNGE may be sent), 7162 (CONDSTORE/QRESYNC), 2177 (IDLE).
 *
 * <p>Invariants: a session's view changes only on its own thread or, in IDLE, under its lock; an
 * EXPUNGE (or VANISHED) is never sent during FETCH, STORE or SEARCH by sequence number; the tagged
 * OK of APPEND follows the durable store commit; a message is {@code \Recent} (RFC 3501 §2.3.2) in
 * at most one session: an IMAP4rev1 SELECT claims only the UIDs its view has seen, EXAMINE and
 * STATUS never claim.
 *
 * <p>Known gaps: MULTIAPPEND is made all-or-none by expunging earlier messages after a failure;
 * SEARCH FUZZY, NOTIFY, METADATA, ACL, ESORT and CONTEXT are not offered.
 */
package dev.yubin.imap.session;
