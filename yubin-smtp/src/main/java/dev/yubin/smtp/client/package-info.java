/**
 * The SMTP client of outbound delivery: {@link dev.yubin.smtp.client.SmtpConnection} opens a
 * connection (greeting, EHLO with HELO fallback, opportunistic STARTTLS, or STARTTLS required by a
 * {@link dev.yubin.smtp.client.RequiredTls} for MTA-STS / DANE) and runs any number of mail
 * transactions on it, each giving a reply per recipient.
 *
 * <p>RFCs: RFC 5321 (§3.2 HELO fallback, §4.2 replies, §4.5.2 dot-stuffing, §4.5.3.2 timeouts,
 * §4.4 no Return-Path on relay), RFC 3207 STARTTLS, RFC 7435 opportunistic TLS, RFC 2920
 * PIPELINING, RFC 1870 SIZE, RFC 6152 8BITMIME, RFC 6531 SMTPUTF8, RFC 3030 CHUNKING/BDAT,
 * RFC 3461 DSN parameters, RFC 2034/3463 enhanced status codes, RFC 4954 §5 MAIL AUTH= (the
 * original submitter, or {@code <>}, only to a server that announced AUTH).
 *
 * <p>Invariants: replies are bounded in line length and count; every read has a timeout and
 * every body write a deadline; after a 421 or an I/O error the connection is never reused; with
 * {@code RequiredTls} no command after EHLO is ever sent in plaintext (RFC 8461 §4.2, RFC 7672 §2.2).
 *
 * <p>Gaps: no AUTH to a smarthost; the VERIFY policy (trust store and host name) still falls back
 * to plaintext when STARTTLS is not offered (use {@code RequiredTls} for that); an
 * 8-bit message to a server without 8BITMIME is sent as is (no down-conversion, RFC 6152 §3);
 * BDAT sends the message as one chunk.
 */
package dev.yubin.smtp.client;
