package dev.yubin.smtp.client;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads SMTP replies (RFC 5321 §4.2): {@code code-text} lines ended by {@code code text}, all
 * with the same code. Bounded: a line longer than {@code maxLineLength} or a reply of more than
 * {@code maxLines} lines is refused, so a hostile server cannot make the client buffer without
 * end. Lines end with CRLF; a bare LF is tolerated (servers in the wild send it).
 */
final class ReplyReader {
    private final InputStream in;
    private final int maxLineLength;
    private final int maxLines;
    private final byte[] line;

    ReplyReader(InputStream in, int maxLineLength, int maxLines) {
        this.in = in;
        this.maxLineLength = maxLineLength;
        this.maxLines = maxLines;
        this.line = new byte[maxLineLength];
    }

    Reply read() throws IOException {
        List<String> lines = new ArrayList<>();
        int code = -1;
        while (true) {
            String l = readLine();
            if (l.length() < 3 || !isDigits(l)) {
                throw new SmtpClientException("malformed reply line: " + printable(l));
            }
            int c = Integer.parseInt(l.substring(0, 3));
            if (c < 200 || c > 599) {
                throw new SmtpClientException("reply code out of range: " + printable(l)); // RFC 5321 §4.2.1
            }
            if (code != -1 && c != code) {
                throw new SmtpClientException("reply lines with different codes: " + code + " then " + c);
            }
            code = c;
            char sep = l.length() > 3 ? l.charAt(3) : ' ';
            if (sep != ' ' && sep != '-') {
                throw new SmtpClientException("malformed reply line: " + printable(l));
            }
            lines.add(l.length() > 4 ? l.substring(4) : "");
            if (sep == ' ') {
                return new Reply(code, lines, Reply.Origin.REMOTE);
            }
            if (lines.size() >= maxLines) {
                throw new SmtpClientException("reply longer than " + maxLines + " lines");
            }
        }
    }

    private String readLine() throws IOException {
        int n = 0;
        while (true) {
            int b = in.read();
            if (b < 0) {
                throw new SmtpClientException("connection closed by the server");
            }
            if (b == '\n') {
                if (n > 0 && line[n - 1] == '\r') {
                    n--;
                }
                return new String(line, 0, n, StandardCharsets.UTF_8);
            }
            if (n == maxLineLength) {
                throw new SmtpClientException("reply line longer than " + maxLineLength + " octets");
            }
            line[n++] = (byte) b;
        }
    }

    private static boolean isDigits(String l) {
        return Character.isDigit(l.charAt(0)) && Character.isDigit(l.charAt(1)) && Character.isDigit(l.charAt(2));
    }

    private static String printable(String s) {
        String t = s.length() > 80 ? s.substring(0, 80) + "..." : s;
        return t.replaceAll("[^\\x20-\\x7e]", "?");
    }
}
