/**
 * Value types shared by every Yubin module: domains and addresses, and nothing that knows a
 * protocol, a store or a socket.
 *
 * <p>RFCs: 5321 (paths), 5322 (addr-spec), 5890 (IDN A-labels), 6531 (UTF-8 local parts).
 * Invariants: every value is validated in its compact constructor, so a value that exists is
 * well formed. Known gaps: no U-label normalisation beyond {@link java.net.IDN} (IDNA 2003 rules).
 */
package dev.yubin.core;
