/**
 * SMTP test helpers: {@link dev.yubin.testkit.smtp.SmtpTestClient}, a raw client that can send any
 * bytes (pipelined groups, bare line ends, smuggling attempts) and read replies with timeouts.
 *
 * <p>RFCs: 5321 (reply syntax, dot-stuffing). Invariants: every read has a timeout. Known gaps: no
 * TLS (issue 5 adds STARTTLS).
 */
package dev.yubin.testkit.smtp;
