package dev.yubin.message;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One node of a message's MIME tree: the data of IMAP BODYSTRUCTURE (RFC 9051 §7.5.2) plus the byte
 * offsets of the part inside the raw message, so every BODY[section] / BINARY[section] is a byte
 * range of the stored blob.
 *
 * <p>Offsets (absolute, in the whole message): {@code [headerStart, bodyStart)} is the part's MIME
 * header including its blank line (BODY[n.MIME]; for the root and for a message/rfc822's
 * {@link #message()} it is the message header, BODY[HEADER] / BODY[n.HEADER]); {@code [bodyStart,
 * end)} is the body (BODY[n], BODY[TEXT]); the CRLF before a boundary belongs to the boundary
 * (RFC 2046 §5.1.1), so it is not part of {@code end}.
 *
 * <p>Sections as byte ranges (RFC 9051 §6.4.5), with {@code p = root.part("n").get()} and
 * {@code m = p.message()}: BODY[HEADER] = [0, headerLength), BODY[TEXT] = [root.bodyStart, root.end),
 * BODY[n] = [p.bodyStart, p.end), BODY[n.MIME] = [p.headerStart, p.bodyStart), BODY[n.HEADER] =
 * [m.headerStart, m.bodyStart), BODY[n.TEXT] = [m.bodyStart, m.end), BINARY[n] = BODY[n] decoded with
 * {@link TransferDecoding} and {@link #encoding()}.
 *
 * @param type lower-case media type ("text"); "multipart" parts have {@link #children()}
 * @param subtype lower-case media subtype ("plain")
 * @param params Content-Type parameters in header order (a text part without any gets charset=us-ascii)
 * @param id Content-ID or null
 * @param description Content-Description or null
 * @param encoding Content-Transfer-Encoding, lower case, "7bit" when absent
 * @param size body octets ({@code end - bodyStart})
 * @param lines body lines for text/* and message/rfc822, otherwise 0
 * @param md5 Content-MD5 or null
 * @param disposition Content-Disposition value (lower case) or null
 * @param dispositionParams its parameters
 * @param language Content-Language tags (empty = NIL)
 * @param location Content-Location or null
 * @param children sub-parts of a multipart (never empty for a multipart), empty otherwise
 * @param envelope the encapsulated message's envelope for message/rfc822 (and message/global), else null
 * @param message the encapsulated message's root part for message/rfc822, else null
 * @param headerStart offset of the first header octet
 * @param bodyStart offset of the first body octet
 * @param end offset just past the body
 */
public record BodyPart(String type, String subtype, List<Param> params, String id, String description,
                       String encoding, long size, long lines, String md5, String disposition,
                       List<Param> dispositionParams, List<String> language, String location,
                       List<BodyPart> children, Envelope envelope, BodyPart message,
                       long headerStart, long bodyStart, long end) {

    public BodyPart {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(subtype, "subtype");
        Objects.requireNonNull(encoding, "encoding");
        params = List.copyOf(params);
        dispositionParams = List.copyOf(dispositionParams);
        language = List.copyOf(language);
        children = List.copyOf(children);
        if (headerStart < 0 || bodyStart < headerStart || end < bodyStart) {
            throw new IllegalArgumentException("bad part offsets " + headerStart + "/" + bodyStart + "/" + end);
        }
    }

    public boolean isMultipart() {
        return !children.isEmpty();
    }

    /** True for message/rfc822 (and message/global) parts whose encapsulated message was parsed. */
    public boolean isMessage() {
        return message != null;
    }

    /** Value of a Content-Type parameter, name compared case-insensitively. */
    public Optional<String> param(String name) {
        for (Param p : params) {
            if (p.name().equalsIgnoreCase(name)) {
                return Optional.of(p.value());
            }
        }
        return Optional.empty();
    }

    /**
     * The part at an IMAP section path ("1", "1.2.3"; RFC 9051 §6.4.5), looked up from this part as a
     * message root. A non-multipart message has only part "1", itself; a message/rfc822 part's
     * sub-parts are those of its encapsulated message.
     */
    public Optional<BodyPart> part(String sectionPath) {
        List<BodyPart> level = isMultipart() ? children : List.of(this);
        BodyPart found = null;
        int i = 0;
        int n = sectionPath.length();
        if (n == 0) {
            return Optional.empty();
        }
        while (i <= n) {
            int dot = sectionPath.indexOf('.', i);
            int stop = dot < 0 ? n : dot;
            int index = parseIndex(sectionPath, i, stop);
            if (level == null || index < 1 || index > level.size()) {
                return Optional.empty();
            }
            found = level.get(index - 1);
            if (found.isMultipart()) {
                level = found.children;
            } else if (found.message != null) {
                BodyPart m = found.message;
                level = m.isMultipart() ? m.children : List.of(m);
            } else {
                level = null;
            }
            i = stop + 1;
            if (dot < 0) {
                break;
            }
        }
        return Optional.ofNullable(found);
    }

    /**
     * Field-by-field equality written out: the generated record method uses several stack frames per
     * level, which a legal 1,000-level tree would overflow.
     */
    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        return o instanceof BodyPart p && size == p.size && lines == p.lines && headerStart == p.headerStart
                && bodyStart == p.bodyStart && end == p.end && type.equals(p.type) && subtype.equals(p.subtype)
                && encoding.equals(p.encoding) && params.equals(p.params) && Objects.equals(id, p.id)
                && Objects.equals(description, p.description) && Objects.equals(md5, p.md5)
                && Objects.equals(disposition, p.disposition) && dispositionParams.equals(p.dispositionParams)
                && language.equals(p.language) && Objects.equals(location, p.location)
                && Objects.equals(envelope, p.envelope) && childrenEqual(p) && Objects.equals(message, p.message);
    }

    private boolean childrenEqual(BodyPart p) {
        int n = children.size();
        if (n != p.children.size()) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            if (!children.get(i).equals(p.children.get(i))) {
                return false;
            }
        }
        return true;
    }

    /** Shallow hash (offsets identify a part within its message); deep trees cost nothing. */
    @Override
    public int hashCode() {
        return Objects.hash(type, subtype, headerStart, bodyStart, end, children.size());
    }

    /** Shallow description: the tree may be 1,000 levels deep. */
    @Override
    public String toString() {
        return "BodyPart[" + type + "/" + subtype + " " + encoding + " " + size + " octets at " + headerStart + "/"
                + bodyStart + "/" + end + (children.isEmpty() ? "" : ", " + children.size() + " children")
                + (message == null ? "" : ", message") + "]";
    }

    private static int parseIndex(String s, int from, int to) {
        if (to <= from || to - from > 9) {
            return -1;
        }
        int v = 0;
        for (int k = from; k < to; k++) {
            char c = s.charAt(k);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }
}
