/**
 * IMAP wire format, separate from what commands mean: reading a command with its literals under
 * limits ({@link dev.yubin.imap.protocol.CommandReader}), the RFC 9051 §9 grammar elements
 * ({@link dev.yubin.imap.protocol.ImapParser}, {@link dev.yubin.imap.protocol.SequenceSet}), and the
 * response encoder ({@link dev.yubin.imap.protocol.ResponseWriter}).
 *
 * <p>RFCs: 9051 §4 and §9, 3501 §5.1.3 (modified UTF-7), 7888 (LITERAL+), 6855 (UTF-8 strings),
 * 3516 (literal8). Invariants: no allocation beyond a checked limit; a literal's octets are never
 * interpreted as command text. Known gaps: none known in the grammar subset used by the commands.
 */
package dev.yubin.imap.protocol;
