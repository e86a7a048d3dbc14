/**
 * RFC 5322 / MIME message analysis: one pass over a stored message yields the IMAP ENVELOPE and
 * BODYSTRUCTURE data with byte offsets of every part, a few cached header values, the decoded text for
 * full-text search, the MIME depth and the Received: count.
 *
 * <p>RFCs: 5322 (message format), 2045/2046 (MIME, multipart boundaries), 2047 (encoded-words),
 * 2183 (Content-Disposition), 2231 (parameter values are kept as written), 9051 §7.5.2 (ENVELOPE,
 * BODYSTRUCTURE), 3516 (BINARY decoding), 5256 (base subject), 6532 (UTF-8 headers).
 *
 * <p>Invariants: indexing never throws for malformed input and never recurses deeper than
 * {@link dev.yubin.message.MessageLimits#maxMimeDepth()}; all values are immutable; every part's
 * offsets satisfy {@code headerStart <= bodyStart <= end <= message size}.
 *
 * <p>Known gaps: see the closing notes of the module.
 */
package dev.yubin.message;
