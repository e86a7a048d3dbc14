/**
 * The IMAP server: {@link dev.yubin.imap.ImapServer} (a connection handler for
 * {@code dev.yubin.net.Listener}) and its settings {@link dev.yubin.imap.ImapSettings}.
 *
 * <p>RFCs: 9051 (IMAP4rev2) and 3501 (IMAP4rev1), with 2177, 2971, 3502, 3516, 4315, 4731, 4959,
 * 4978, 5161, 5182, 5256, 5258, 5819, 6154, 6851, 6855, 7162, 7888, 7889, 8438, 9208. Invariants:
 * one virtual thread per connection; APPEND answers OK only after the blob and the index are
 * durable; untagged EXPUNGE only where RFC 9051 §7.5.1 allows. Known gaps: see
 * {@code dev.yubin.imap.session}.
 */
package dev.yubin.imap;
