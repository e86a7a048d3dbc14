package dev.yubin.imap.command;

import java.util.List;
import java.util.Locale;

/** One FETCH data item (RFC 9051 §6.4.5, BINARY RFC 3516 §4.2, MODSEQ RFC 7162 §3.1.4). */
public sealed interface FetchItem {

    /** Items without arguments. */
    enum Simple implements FetchItem {
        FLAGS, UID, INTERNALDATE, RFC822_SIZE, ENVELOPE, BODYSTRUCTURE, BODY, MODSEQ, RFC822, RFC822_HEADER,
        RFC822_TEXT, SAVEDATE;

        /** The name as it appears in the response. */
        public String wireName() {
            return name().replace('_', '.');
        }
    }

    /** {@code BODY[section]<origin.count>} or {@code BODY.PEEK[...]}. */
    record BodySection(Section section, long origin, long count, boolean peek) implements FetchItem {
    }

    /** {@code BINARY[part]<origin.count>} or {@code BINARY.PEEK[...]}. */
    record Binary(String part, long origin, long count, boolean peek) implements FetchItem {
    }

    /** {@code BINARY.SIZE[part]}. */
    record BinarySize(String part) implements FetchItem {
    }

    /** A body section specification (RFC 9051 §6.4.5). */
    record Section(String part, Text text, List<String> fields) {
        public enum Text { ALL, HEADER, HEADER_FIELDS, HEADER_FIELDS_NOT, TEXT, MIME }

        public Section {
            fields = List.copyOf(fields);
        }

        /** The section as echoed in the response, e.g. {@code 1.2.HEADER.FIELDS (FROM)}. */
        public String spec() {
            StringBuilder sb = new StringBuilder(part);
            if (text != Text.ALL) {
                if (!part.isEmpty()) {
                    sb.append('.');
                }
                sb.append(text.name().replace('_', '.'));
            }
            if (text == Text.HEADER_FIELDS || text == Text.HEADER_FIELDS_NOT) {
                sb.append(" (");
                for (int i = 0; i < fields.size(); i++) {
                    if (i > 0) {
                        sb.append(' ');
                    }
                    sb.append(fields.get(i).toUpperCase(Locale.ROOT));
                }
                sb.append(')');
            }
            return sb.toString();
        }
    }
}
