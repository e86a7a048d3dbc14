/**
 * The outbound queue SPI: durable entries (one message for one destination domain), each
 * recipient with its own state and last reply, and the claims the scheduler works with.
 *
 * <p>RFCs: RFC 5321 §4.5.4 (retry strategy) and §6.1 (reliable delivery, null reverse path),
 * RFC 3461 (ENVID, RET, NOTIFY, ORCPT are kept per entry / recipient for the DSNs), RFC 6531
 * (whether the message needs SMTPUTF8), RFC 6152 (BODY).
 *
 * <p>Invariants: states are {@link dev.yubin.store.queue.QueueState}, changed only through the
 * store's methods; a claimed entry has one owner until its lease ends (the owner renews it while
 * it works); every method commits before it returns; an unfinished entry, and a report part not
 * yet sent, hold their blob; the report parts of one message (all its entries) become due
 * together, when none of its entries is unfinished (or at once with a delay warning), so the
 * sender gets one DSN per message (RFC 3464 §2).
 *
 * <p>Gaps: no per-recipient next-attempt time (all pending recipients of an entry retry
 * together); no claimer identity on leases (an owner stalled past its lease may finish an entry
 * another claimer took over).
 */
package dev.yubin.store.queue;
