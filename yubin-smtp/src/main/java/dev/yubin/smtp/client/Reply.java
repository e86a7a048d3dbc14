package dev.yubin.smtp.client;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One SMTP reply as the client received it (RFC 5321 §4.2), or a reply Yubin made up for a
 * local decision ({@link Origin#LOCAL}, e.g. the receiver lacks SMTPUTF8).
 *
 * @param code the three-digit reply code
 * @param lines the text of each line, without the code and separator
 * @param origin whether the remote server sent it
 */
public record Reply(int code, List<String> lines, Origin origin) {
    private static final Pattern ENHANCED = Pattern.compile("^([245])\\.(\\d{1,3})\\.(\\d{1,3})(?:\\s|$)");

    /** Who produced the reply. */
    public enum Origin { REMOTE, LOCAL }

    public Reply {
        if (code < 200 || code > 599) {
            throw new IllegalArgumentException("reply code out of range: " + code);
        }
        lines = List.copyOf(lines);
        if (lines.isEmpty()) {
            lines = List.of("");
        }
    }

    /** A reply made up by Yubin: {@code code status text}. */
    public static Reply local(int code, String status, String text) {
        return new Reply(code, List.of(status + " " + text), Origin.LOCAL);
    }

    public boolean isPositive() {
        return code < 300;
    }

    public boolean isIntermediate() {
        return code >= 300 && code < 400;
    }

    public boolean isTransient() {
        return code >= 400 && code < 500;
    }

    public boolean isPermanent() {
        return code >= 500;
    }

    /** The RFC 3463 status of the first line if it has one (RFC 2034 §3). */
    public Optional<String> enhancedStatus() {
        Matcher m = ENHANCED.matcher(lines.get(0));
        if (!m.find() || m.group(1).charAt(0) != Character.forDigit(code / 100, 10)) {
            return Optional.empty();
        }
        return Optional.of(m.group(1) + "." + m.group(2) + "." + m.group(3));
    }

    /** The enhanced status, or a generic one from the code class (RFC 3463 §3.1: X.0.0). */
    public String status() {
        return enhancedStatus().orElse((code / 100) + ".0.0");
    }

    /** One line for logs and DSN diagnostic codes: {@code 550 5.1.1 text text}. */
    public String oneLine() {
        return code + " " + String.join(" ", lines).replaceAll("[\\x00-\\x1f\\x7f]", " ");
    }

    @Override
    public String toString() {
        return oneLine();
    }
}
