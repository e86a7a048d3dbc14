/**
 * One class per SMTP command: each parses its arguments into a record (pure, no session access)
 * and then executes against a {@link dev.yubin.smtp.server.SmtpSession}.
 *
 * <p>RFCs: 5321 §4.1 (commands), §4.1.2 (path syntax, in {@link dev.yubin.smtp.server.command.Paths}),
 * 1870, 6152, 6531, 3030, 3461 (parameters), 4954 (AUTH, submission only), 3207 (STARTTLS), 6409 (submission MAIL rules).
 *
 * <p>Invariants: every command writes exactly one reply (or closes the session); parsers never
 * touch the network; the relay rule lives only in {@code RecipientResolver}.
 *
 * <p>Known gaps: MAIL AUTH= parameter (RFC 4954 §5) is refused as unknown; address-literal senders are refused.
 */
package dev.yubin.smtp.server.command;
