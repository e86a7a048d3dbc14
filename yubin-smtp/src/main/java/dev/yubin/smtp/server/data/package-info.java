/**
 * Reading message data: DATA with dot-unstuffing ({@link dev.yubin.smtp.server.data.DotStuffedReader}),
 * BDAT chunks ({@link dev.yubin.smtp.server.data.ChunkReader}), and the
 * {@link dev.yubin.smtp.server.data.Spool} that checks and keeps the octets.
 *
 * <p>RFCs: 5321 §4.1.1.4 and §4.5.2 (end of data, transparency), §2.3.8 (CRLF only),
 * §4.5.3.1.6 (998-octet lines), 3030 (chunks), 1870 (size).
 *
 * <p>Invariants: only CRLF.CRLF ends DATA, where both CRLFs are real (no SMTP smuggling); a bare CR
 * or LF anywhere marks the message bad and it is read to its end and refused; memory per session
 * is bounded by the in-memory limit, bigger messages stream into the blob store.
 *
 * <p>Known gaps: BINARYMIME is not offered.
 */
package dev.yubin.smtp.server.data;
