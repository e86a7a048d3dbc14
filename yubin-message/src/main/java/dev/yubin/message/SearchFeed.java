package dev.yubin.message;

import java.nio.charset.Charset;
import java.util.Map;

/**
 * What goes into the search text: decoded header values (RFC 2047) and decoded text parts
 * (RFC 2045 §6 transfer encodings, then the part's charset), HTML without tags, attachment names.
 * Only a prefix of each part is decoded, sized from the remaining budget, so the work is bounded.
 */
final class SearchFeed {

    private static final String[] HEADERS = {"subject", "from", "sender", "reply-to", "to", "cc", "bcc"};

    private SearchFeed() {
    }

    static void headers(SearchText search, Map<String, String> cached) {
        if (cached == null) {
            return;
        }
        for (String name : HEADERS) {
            if (search.isFull()) {
                return;
            }
            String v = cached.get(name);
            if (v != null) {
                search.append(AddressDecoding.decode(v));
            }
        }
    }

    static void leaf(SearchText search, byte[] b, MimeParser.Node n) {
        if (search.isFull()) {
            return;
        }
        MimeFields.ContentType ct = n.type;
        MimeFields.Disposition d = MimeFields.disposition(n.header.mime[HeaderSection.CONTENT_DISPOSITION]);
        String name = d == null ? null : MimeFields.decodedParam(d.params(), "filename");
        if (name == null) {
            name = MimeFields.decodedParam(ct.params(), "name");
        }
        if (name != null) {
            search.append(name);
        }
        if (!ct.type().equals("text") || (d != null && d.value().equals("attachment") && !ct.subtype().equals("plain"))) {
            return;
        }
        boolean html = ct.subtype().equals("html");
        int size = n.end - n.bodyStart;
        int len = (int) Math.min(size, search.remaining() * (html ? 8L : 4L) + 16);
        if (len <= 0) {
            return;
        }
        byte[] raw = b;
        int off = n.bodyStart;
        if (TransferDecoding.isEncoded(n.encoding)) {
            raw = TransferDecoding.decode(b, off, len, n.encoding);
            off = 0;
            len = raw.length;
        }
        Charset cs = Charsets.forName(ct.param("charset"));
        String text = Charsets.text(raw, off, len, cs);
        search.append(html ? SearchText.stripHtml(text) : text);
    }
}
