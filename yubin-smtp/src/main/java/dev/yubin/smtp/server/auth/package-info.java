/**
 * The inbound email-authentication filter: the bridge from the SMTP server's
 * {@link dev.yubin.smtp.server.InboundFilter} hook to yubin-auth's
 * {@link dev.yubin.auth.MessageAuthenticator} (SPF RFC 7208, DKIM RFC 6376/8463, DMARC RFC 7489,
 * ARC RFC 8617, Authentication-Results RFC 8601).
 *
 * <p>Invariants: every message from an unauthenticated client gets exactly one
 * Authentication-Results field with our authserv-id, and none that arrived with it survives;
 * authenticated submissions are not checked. With a {@link dev.yubin.store.dmarc.DmarcReportStore},
 * the DMARC evaluation of each message whose author domain asks for aggregate reports (rua=) is
 * kept for them (RFC 7489 §7.2); a failure to keep it never changes the message's fate.
 *
 * <p>Known gaps: SPF is evaluated at the end of DATA, not at MAIL time (so an SPF fail is not
 * refused early); DNS lookups block the session's virtual thread; the whole message is read into
 * memory for the checks.
 */
package dev.yubin.smtp.server.auth;
