package dev.yubin.smtp.server.command;

import dev.yubin.smtp.server.SmtpReply;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * ESMTP parameters after a MAIL or RCPT path (RFC 5321 §4.1.2 {@code esmtp-param =
 * esmtp-keyword ["=" esmtp-value]}), and RFC 3461 §4 xtext decoding.
 */
final class EsmtpParameters {
    private EsmtpParameters() {
    }

    /** Keyword (upper case) to value ("" when the keyword has none), in order. A repeated keyword must repeat its value. */
    static Map<String, String> parse(String text) throws SmtpSyntaxException {
        Map<String, String> out = new LinkedHashMap<>();
        int i = 0;
        int n = text.length();
        while (i < n) {
            if (text.charAt(i) == ' ') {
                i++;
                continue;
            }
            int end = text.indexOf(' ', i);
            if (end < 0) {
                end = n;
            }
            String p = text.substring(i, end);
            int eq = p.indexOf('=');
            String key = (eq < 0 ? p : p.substring(0, eq)).toUpperCase(Locale.ROOT);
            String value = eq < 0 ? "" : p.substring(eq + 1);
            if (key.isEmpty() || (eq >= 0 && value.isEmpty())) {
                throw new SmtpSyntaxException(SmtpReply.SYNTAX.withText("Bad parameter syntax: " + sanitize(p)));
            }
            for (int k = 0; k < key.length(); k++) {
                char c = key.charAt(k);
                if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-')) {
                    throw new SmtpSyntaxException(SmtpReply.SYNTAX.withText("Bad parameter keyword"));
                }
            }
            String before = out.put(key, value);
            if (before != null && !before.equals(value)) {
                throw new SmtpSyntaxException(SmtpReply.SYNTAX.withText("Conflicting parameter " + key));
            }
            i = end;
        }
        return out;
    }

    /** RFC 3461 §4: {@code xtext = *( xchar / hexchar )}, {@code hexchar = "+" 2HEXDIG}. */
    static String decodeXtext(String value) throws SmtpSyntaxException {
        StringBuilder sb = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '+') {
                if (i + 2 >= value.length()) {
                    throw new SmtpSyntaxException(SmtpReply.SYNTAX.withText("Bad xtext"));
                }
                int hi = Character.digit(value.charAt(i + 1), 16);
                int lo = Character.digit(value.charAt(i + 2), 16);
                if (hi < 0 || lo < 0) {
                    throw new SmtpSyntaxException(SmtpReply.SYNTAX.withText("Bad xtext"));
                }
                sb.append((char) (hi * 16 + lo));
                i += 2;
            } else if (c < '!' || c == '=' || c == 0x7f) {
                throw new SmtpSyntaxException(SmtpReply.SYNTAX.withText("Bad xtext")); // RFC 3461 §4
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    /** Text safe to echo in a reply. */
    static String sanitize(String s) {
        StringBuilder sb = new StringBuilder(Math.min(s.length(), 64));
        for (int i = 0; i < s.length() && i < 64; i++) {
            char c = s.charAt(i);
            sb.append(c >= ' ' && c < 0x7f ? c : '?');
        }
        return sb.toString();
    }
}
