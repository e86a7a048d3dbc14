package dev.yubin.message;

import java.util.List;
import java.util.Map;

/** Builds ENVELOPE data from a message's unfolded header values (RFC 9051 §7.5.2). */
final class Envelopes {

    private Envelopes() {
    }

    /** @param headers lower-case header name → first unfolded value */
    static Envelope of(Map<String, String> headers) {
        List<Address> from = AddressParser.parse(headers.get("from"));
        List<Address> sender = AddressParser.parse(headers.get("sender"));
        List<Address> replyTo = AddressParser.parse(headers.get("reply-to"));
        // RFC 9051 §7.5.2: absent or empty Sender / Reply-To are set to the From value
        if (sender.isEmpty()) {
            sender = from;
        }
        if (replyTo.isEmpty()) {
            replyTo = from;
        }
        return new Envelope(headers.get("date"), headers.get("subject"), from, sender, replyTo,
                AddressParser.parse(headers.get("to")), AddressParser.parse(headers.get("cc")),
                AddressParser.parse(headers.get("bcc")), headers.get("in-reply-to"), headers.get("message-id"));
    }
}
