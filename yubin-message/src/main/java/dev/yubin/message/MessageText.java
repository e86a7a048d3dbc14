package dev.yubin.message;

/**
 * The decoded text of a message for full-text search (IMAP SEARCH TEXT and BODY, RFC 9051 §6.4.4),
 * each bounded by {@link MessageLimits#maxSearchTextBytes()} UTF-8 octets.
 *
 * @param headers decoded values (RFC 2047) of the top-level Subject, From, Sender, Reply-To, To, Cc
 *     and Bcc fields, one per line
 * @param body decoded text parts (transfer encoding, then charset; HTML without tags), attachment
 *     names and the header values of attached messages, one item per line
 */
public record MessageText(String headers, String body) {

    public MessageText {
        headers = headers == null ? "" : headers;
        body = body == null ? "" : body;
    }

    /** Headers and body, one after the other (what SEARCH TEXT looks at). */
    public String all() {
        return headers.isEmpty() ? body : body.isEmpty() ? headers : headers + "\n" + body;
    }

    /** The two texts while a message is parsed. */
    record Builder(SearchText headers, SearchText body) {
        Builder(MessageLimits limits) {
            this(new SearchText(Math.min(limits.maxHeaderBytes(), limits.maxSearchTextBytes())),
                    new SearchText(limits.maxSearchTextBytes()));
        }

        MessageText build() {
            return new MessageText(headers.toString(), body.toString());
        }
    }
}
