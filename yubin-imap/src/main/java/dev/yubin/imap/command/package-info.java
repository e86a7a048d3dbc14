/**
 * IMAP commands as records of their arguments (one class per command, each with its RFC section)
 * and the parser that builds them; execution is in {@code dev.yubin.imap.session}.
 *
 * <p>RFCs: 9051 and 3501 (every command), 2177 IDLE, 2971 ID, 3502 MULTIAPPEND, 3516 BINARY, 4315
 * UIDPLUS, 4731 ESEARCH, 4959 SASL-IR, 4978 COMPRESS, 5161 ENABLE, 5182 SEARCHRES, 5256 SORT/THREAD,
 * 5258 LIST-EXTENDED, 5819 LIST-STATUS, 6154 SPECIAL-USE, 6851 MOVE, 7162 CONDSTORE/QRESYNC,
 * 9208 QUOTA. Invariants: records are immutable and validated; a parse failure never has side
 * effects. Known gaps: SEARCH FUZZY, CONTEXT=SEARCH, NOTIFY are not parsed.
 */
package dev.yubin.imap.command;
