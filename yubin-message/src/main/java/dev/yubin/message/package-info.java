/**
 * RFC 5322 / MIME message analysis: one pass over a stored message yields the IMAP ENVELOPE and
 * BODYSTRUCTURE data with the byte offsets of every part, a few cached header values, the decoded
 * text for full-text search, the MIME depth and the Received: count ({@link
 * dev.yubin.message.MessageIndexer}); plus the pure helpers IMAP SORT / THREAD / SEARCH / BINARY need
 * ({@link dev.yubin.message.BaseSubject}, {@link dev.yubin.message.AddressDecoding},
 * {@link dev.yubin.message.DateHeader}, {@link dev.yubin.message.TransferDecoding}).
 *
 * <p>RFCs: 5322 (message format, obsolete syntax read leniently), 2045/2046 (MIME, multipart
 * boundaries), 2047 (encoded-words, our linear decoder), 2183 (Content-Disposition), 2231 (parameters
 * kept as written for BODYSTRUCTURE, decoded for search), 3282 (Content-Language), 9051 §7.5.2 (ENVELOPE,
 * BODYSTRUCTURE), 3516 (BINARY decoding), 5256 (base subject, SORT keys), 5957 (display sort keys),
 * 6532 (UTF-8 header values).
 *
 * <p>Design: our own single-pass boundary scanner (every line visited once, delimiters matched against
 * the stack of open multiparts, like Dovecot), because the offsets IMAP needs are not exposed by
 * mime4j's stream parser, and our own RFC 2047 decoder because mime4j's is quadratic on hostile input;
 * mime4j provides the streaming transfer decoders. The
 * summary's JSON is hand-written and read with Jackson's streaming parser (no data binding).
 *
 * <p>Invariants: indexing never throws for malformed input and never descends deeper than
 * {@link dev.yubin.message.MessageLimits#maxMimeDepth()}; all values are immutable; every part's
 * offsets satisfy {@code parent.bodyStart <= headerStart <= bodyStart <= end <= parent.end}; a
 * multipart always has at least one child; the search text never exceeds its byte budget.
 *
 * <p>Known gaps: a message/rfc822 part with a base64 or quoted-printable transfer encoding is parsed
 * as is (not decoded first), so its envelope is usually empty; charsets are taken as declared (no
 * detection besides UTF-8 → windows-1252 fallback); uuencode, yEnc, TNEF and S/MIME content are not
 * opened for search; the HTML stripper is a cheap tag skipper, not an HTML parser; header values are
 * capped at 64 Ki characters.
 */
package dev.yubin.message;
