package dev.yubin.auth.mtasts;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * An MTA-STS policy (RFC 8461 §3.2) as fetched from
 * {@code https://mta-sts.DOMAIN/.well-known/mta-sts.txt}.
 *
 * @param mode enforce, testing or none
 * @param mx the allowed MX host patterns (lower case; "*.example.com" matches one label)
 * @param maxAgeSeconds how long the policy may be cached (RFC 8461 §3.2: at most 31557600)
 */
public record MtaStsPolicy(Mode mode, List<String> mx, long maxAgeSeconds) {

    /** RFC 8461 §5. */
    public enum Mode { ENFORCE, TESTING, NONE }

    /** RFC 8461 §3.2: max_age is at most 31557600 seconds (one year). */
    public static final long MAX_AGE_LIMIT = 31_557_600;

    public MtaStsPolicy {
        Objects.requireNonNull(mode);
        mx = List.copyOf(mx);
        if (maxAgeSeconds < 0 || maxAgeSeconds > MAX_AGE_LIMIT) {
            throw new IllegalArgumentException("max_age out of range");
        }
        if (mode != Mode.NONE && mx.isEmpty()) {
            throw new IllegalArgumentException("a policy in mode " + mode + " needs mx patterns");
        }
    }

    /**
     * Parses the policy body; empty when it is not a valid STSv1 policy (RFC 8461 §3.2: the
     * sender then acts as if there were none). Lines end in LF or CRLF; unknown keys are ignored.
     */
    public static Optional<MtaStsPolicy> parse(String body) {
        String version = null;
        Mode mode = null;
        Long maxAge = null;
        List<String> mx = new ArrayList<>();
        for (String rawLine : body.split("\n", -1)) {
            String line = rawLine.endsWith("\r") ? rawLine.substring(0, rawLine.length() - 1) : rawLine;
            if (line.isBlank()) {
                continue;
            }
            int colon = line.indexOf(':');
            if (colon <= 0) {
                return Optional.empty();
            }
            String key = line.substring(0, colon).strip();
            String value = line.substring(colon + 1).strip();
            switch (key) {
                case "version" -> version = value;
                case "mode" -> mode = switch (value) {
                    case "enforce" -> Mode.ENFORCE;
                    case "testing" -> Mode.TESTING;
                    case "none" -> Mode.NONE;
                    default -> null;
                };
                case "max_age" -> maxAge = value.matches("[0-9]{1,10}") ? Long.parseLong(value) : null;
                case "mx" -> mx.add(value.toLowerCase(Locale.ROOT));
                default -> {
                    // RFC 8461 §3.2: unknown fields are ignored
                }
            }
        }
        if (!"STSv1".equals(version) || mode == null || maxAge == null || maxAge > MAX_AGE_LIMIT
                || (mode != Mode.NONE && mx.isEmpty())) {
            return Optional.empty();
        }
        return Optional.of(new MtaStsPolicy(mode, mx, maxAge));
    }

    /** The policy in its file form (RFC 8461 §3.2), CRLF line ends; {@link #parse} reads it back. */
    public String text() {
        StringBuilder b = new StringBuilder("version: STSv1\r\nmode: ")
                .append(mode.name().toLowerCase(Locale.ROOT)).append("\r\n");
        for (String m : mx) {
            b.append("mx: ").append(m).append("\r\n");
        }
        return b.append("max_age: ").append(maxAgeSeconds).append("\r\n").toString();
    }

    /**
     * RFC 8461 §4.1: the MX host matches a pattern exactly, or a "*." pattern whose suffix
     * matches after removing exactly the host's leftmost label.
     */
    public boolean permits(String mxHost) {
        String host = mxHost.toLowerCase(Locale.ROOT);
        if (host.endsWith(".")) {
            host = host.substring(0, host.length() - 1);
        }
        for (String pattern : mx) {
            if (pattern.startsWith("*.")) {
                int dot = host.indexOf('.');
                if (dot > 0 && host.substring(dot + 1).equals(pattern.substring(2))) {
                    return true;
                }
            } else if (pattern.equals(host)) {
                return true;
            }
        }
        return false;
    }
}
