package dev.yubin.imap.session;

import dev.yubin.imap.command.FetchItem;
import dev.yubin.message.BodyPart;
import dev.yubin.message.MessageSummary;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * Maps a body section (RFC 9051 §6.4.5) to a byte range of the stored message using the part
 * offsets of the summary, so no section is ever served by re-parsing the body.
 */
final class BodySections {
    private BodySections() {
    }

    /** A byte range of the blob, or a header subset that must be filtered from it. */
    record Range(long start, long end, List<String> fields, boolean exclude) {
        long length() {
            return end - start;
        }

        boolean filtered() {
            return fields != null;
        }
    }

    /** The range for a section, or null if the part does not exist. */
    static Range range(FetchItem.Section section, MessageSummary summary, long size) {
        BodyPart root = summary.body();
        long headerEnd = Math.min(summary.headerLength(), size);
        if (section.part().isEmpty()) {
            return switch (section.text()) {
                case ALL -> new Range(0, size, null, false);
                case HEADER -> new Range(0, headerEnd, null, false);
                case TEXT -> new Range(headerEnd, size, null, false);
                case HEADER_FIELDS -> new Range(0, headerEnd, section.fields(), false);
                case HEADER_FIELDS_NOT -> new Range(0, headerEnd, section.fields(), true);
                case MIME -> null;
            };
        }
        BodyPart part = root.part(section.part()).orElse(null);
        if (part == null) {
            return null;
        }
        BodyPart msg = part.message();
        return switch (section.text()) {
            case ALL -> clamp(part.bodyStart(), part.end(), size, null, false);
            case MIME -> clamp(part.headerStart(), part.bodyStart(), size, null, false);
            case HEADER -> msg == null ? null : clamp(msg.headerStart(), msg.bodyStart(), size, null, false);
            case TEXT -> msg == null ? null : clamp(msg.bodyStart(), msg.end(), size, null, false);
            case HEADER_FIELDS -> msg == null ? null
                    : clamp(msg.headerStart(), msg.bodyStart(), size, section.fields(), false);
            case HEADER_FIELDS_NOT -> msg == null ? null
                    : clamp(msg.headerStart(), msg.bodyStart(), size, section.fields(), true);
        };
    }

    private static Range clamp(long start, long end, long size, List<String> fields, boolean exclude) {
        long s = Math.min(start, size);
        long e = Math.max(s, Math.min(end, size));
        return new Range(s, e, fields, exclude);
    }

    /** The header fields of {@code header} named (or, with {@code exclude}, not named) in {@code names}, plus CRLF. */
    static byte[] filterHeader(byte[] header, List<String> names, boolean exclude) {
        String[] lower = new String[names.size()];
        for (int i = 0; i < lower.length; i++) {
            lower[i] = names.get(i).toLowerCase(Locale.ROOT);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(Math.min(header.length, 1024));
        int i = 0;
        int n = header.length;
        while (i < n) {
            int start = i;
            // a field runs until a line that does not start with whitespace
            int end = i;
            while (end < n) {
                int lf = indexOf(header, (byte) '\n', end, n);
                end = lf < 0 ? n : lf + 1;
                if (end >= n || (header[end] != ' ' && header[end] != '\t')) {
                    break;
                }
            }
            i = end;
            int colon = indexOf(header, (byte) ':', start, end);
            if (colon <= start) {
                continue; // the blank line ending the header, or junk
            }
            String name = new String(header, start, colon - start, StandardCharsets.ISO_8859_1).strip()
                    .toLowerCase(Locale.ROOT);
            boolean listed = false;
            for (String l : lower) {
                if (l.equals(name)) {
                    listed = true;
                    break;
                }
            }
            if (listed != exclude) {
                out.write(header, start, end - start);
            }
        }
        out.write('\r');
        out.write('\n');
        return out.toByteArray();
    }

    private static int indexOf(byte[] b, byte c, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] == c) {
                return i;
            }
        }
        return -1;
    }
}
