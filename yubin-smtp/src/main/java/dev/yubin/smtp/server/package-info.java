/**
 * The SMTP server in its MX and submission roles ({@link dev.yubin.smtp.server.SmtpSettings.Mode}):
 * sessions, the reply catalogue, settings, the delivery pipeline
 * and the extension points for later issues ({@link dev.yubin.smtp.server.InboundFilter} for
 * SPF/DKIM/DMARC/spam, {@link dev.yubin.smtp.server.OutboundRouter} for the outbound queue).
 *
 * <p>RFCs: 5321 (SMTP), 2920 (PIPELINING), 1870 (SIZE), 6152 (8BITMIME), 2034 / 3463 (enhanced
 * status codes), 6531 (SMTPUTF8), 3030 (CHUNKING), 3461 (DSN parameters, parsed and kept), 3848
 * (Received "with" keywords), 8601 §5 (filters may drop forged Authentication-Results:
 * {@code FilterVerdict.Accept/Quarantine.removedFields}), 3207 (STARTTLS), 4954 (AUTH), 6409 (submission: AUTH before MAIL,
 * sender ownership, Message-ID and Date added), 8314 (implicit TLS on 465 is the Listener's).
 *
 * <p>Invariants: a {@code 250} after DATA / BDAT LAST is written only after the blob is committed
 * (fsync) and {@code MailboxStore.deliver} returned; a message with a bare CR or LF, an
 * over-long line, over the size limit or with too many hops is never stored; every limit is a
 * field of {@link dev.yubin.smtp.server.SmtpSettings}; one virtual thread per connection and no
 * other threads per message; replies are flushed once per pipelined group.
 *
 * <p>Wiring (the composition root): {@code new SmtpServer(settings, directory, mailboxes, blobs,
 * indexer, filters, clock[, router])}, or with TLS/AUTH {@code new SmtpServer(..., clock,
 * Optional router, new SmtpAccess(tls, sasl, throttle))}, then {@code new Listener(listenerSettings, null,
 * server.lineLimit(), server)}. {@link dev.yubin.smtp.server.SmtpSettings#maxMimeDepth()} should
 * match the indexer's {@code MessageLimits.maxMimeDepth()} (the message is refused when either says
 * too deep).
 *
 * <p>Known gaps: no administrator role, so MAIL FROM of "any address of a domain the user
 * administers" is refused; added Message-ID/Date go above our Received line; recipients that fail after the
 * message was accepted (over quota at delivery time) are logged, not bounced, until the outbound
 * queue can send DSNs; no PROXY protocol; reverse DNS is blocking when enabled.
 */
package dev.yubin.smtp.server;
