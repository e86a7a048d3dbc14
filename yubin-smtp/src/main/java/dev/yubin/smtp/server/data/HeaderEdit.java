package dev.yubin.smtp.server.data;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * Removes whole header fields from a message while copying it (RFC 5322 §2.2: a field is a line
 * not starting with white space plus its folded continuation lines; the header ends at the first
 * empty line). Used for filter verdicts that drop fields, such as Authentication-Results forged
 * with our authserv-id (RFC 8601 §5). Fields are matched on their exact text, CRLFs included
 * except the last; everything else is copied octet for octet.
 */
public final class HeaderEdit {
    private HeaderEdit() {
    }

    /** The field text as compared: without its final CRLF. */
    public static String key(String rawField) {
        return rawField.endsWith("\r\n") ? rawField.substring(0, rawField.length() - 2) : rawField;
    }

    /** Copies {@code in} to {@code out} without the header fields in {@code remove}; returns octets written. */
    public static long copyWithout(InputStream in, OutputStream out, Set<String> remove) throws IOException {
        BufferedInputStream src = new BufferedInputStream(in, 16 * 1024);
        ByteArrayOutputStream field = new ByteArrayOutputStream(256);
        long written = 0;
        while (true) {
            byte[] line = readLine(src);
            boolean continuation = line.length > 0 && (line[0] == ' ' || line[0] == '\t');
            if (!continuation && field.size() > 0) {
                written += emit(field, out, remove);
            }
            if (line.length == 0 || isBlank(line)) {
                out.write(line);
                written += line.length;
                long rest = src.transferTo(out);
                return written + rest;
            }
            field.write(line);
        }
    }

    private static long emit(ByteArrayOutputStream field, OutputStream out, Set<String> remove) throws IOException {
        String text = key(field.toString(StandardCharsets.ISO_8859_1));
        long n = 0;
        if (!remove.contains(text)) {
            field.writeTo(out);
            n = field.size();
        }
        field.reset();
        return n;
    }

    private static boolean isBlank(byte[] line) {
        return line.length == 2 && line[0] == '\r' && line[1] == '\n';
    }

    /** One line including its CRLF (or up to EOF); empty at EOF. */
    private static byte[] readLine(InputStream in) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream(128);
        int c;
        while ((c = in.read()) >= 0) {
            b.write(c);
            if (c == '\n') {
                break;
            }
        }
        return b.toByteArray();
    }
}
