package dev.yubin.auth;

import dev.yubin.auth.arc.ArcResult;
import dev.yubin.auth.dkim.DkimResult;
import dev.yubin.auth.dmarc.DmarcResult;
import dev.yubin.auth.spf.SpfResult;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Builds the Authentication-Results header field (RFC 8601) with our authserv-id, and removes
 * fields that claim our authserv-id from incoming messages (RFC 8601 §5: forged ones must not
 * survive).
 */
public final class AuthenticationResults {

    private final String authservId;

    /** @param authservId our identifier, usually the MX host name (RFC 8601 §2.5) */
    public AuthenticationResults(String authservId) {
        Objects.requireNonNull(authservId);
        if (authservId.isBlank() || !authservId.chars().allMatch(c -> c > 0x20 && c < 0x7f && c != ';')) {
            throw new IllegalArgumentException("authserv-id must be a printable token: " + authservId);
        }
        this.authservId = authservId;
    }

    public String authservId() {
        return authservId;
    }

    /**
     * The header field, folded one method per line, ending in CRLF.
     *
     * @param spfIdentity the identity SPF checked (MAIL FROM, or HELO for a null reverse-path)
     */
    public String header(SpfResult spf, SpfIdentity spfIdentity, List<DkimResult> dkim, DmarcResult dmarc,
                         ArcResult arc) {
        StringBuilder sb = new StringBuilder("Authentication-Results: ").append(authservId);
        // RFC 8601 §2.7.2 spf
        sb.append(";\r\n\tspf=").append(spf.keyword());
        if (!spf.mechanism().isEmpty()) {
            sb.append(" (").append(comment(spf.mechanism())).append(')');
        }
        sb.append(' ').append(spfIdentity.property()).append('=').append(pvalue(spfIdentity.value()));
        // RFC 8601 §2.7.1 dkim
        if (dkim.isEmpty()) {
            sb.append(";\r\n\tdkim=none");
        }
        for (DkimResult d : dkim) {
            sb.append(";\r\n\tdkim=").append(d.status().keyword());
            if (!d.reason().isEmpty()) {
                sb.append(" reason=").append(quoted(d.reason()));
            }
            if (d.testing()) {
                sb.append(" (test mode)");
            }
            if (!d.domain().isEmpty()) {
                sb.append(" header.d=").append(pvalue(d.domain()))
                        .append(" header.s=").append(pvalue(d.selector()))
                        .append(" header.a=").append(pvalue(d.algorithm()))
                        .append(" header.b=").append(pvalue(d.headerB()));
            }
        }
        // RFC 7489 §11.2 dmarc
        sb.append(";\r\n\tdmarc=").append(dmarc.status().keyword());
        if (dmarc.record().isPresent()) {
            sb.append(" (p=").append(dmarc.record().get().policy().keyword())
                    .append(" dis=").append(dmarc.disposition().keyword()).append(')');
        } else if (dmarc.status() == DmarcResult.Status.PERMERROR) {
            sb.append(" reason=").append(quoted(dmarc.reason()));
        }
        if (!dmarc.fromDomain().isEmpty()) {
            sb.append(" header.from=").append(pvalue(dmarc.fromDomain()));
        }
        // RFC 8617 §10.1 arc
        sb.append(";\r\n\tarc=").append(arc.status().keyword());
        if (arc.status() != ArcResult.Status.NONE) {
            sb.append(" (i=").append(arc.instances());
            if (!arc.lastSealer().isEmpty()) {
                sb.append(" d=").append(comment(arc.lastSealer()));
            }
            sb.append(')');
        }
        if (!arc.reason().isEmpty()) {
            sb.append(" reason=").append(quoted(arc.reason()));
        }
        return sb.append("\r\n").toString();
    }

    /** The identity SPF checked: MAIL FROM, or HELO when the reverse-path was null (RFC 8601 §2.7.2). */
    public record SpfIdentity(String property, String value) {
        public static SpfIdentity mailFrom(String address) {
            return new SpfIdentity("smtp.mailfrom", address);
        }

        public static SpfIdentity helo(String name) {
            return new SpfIdentity("smtp.helo", name);
        }
    }

    /**
     * The message without Authentication-Results fields whose authserv-id is ours (compared
     * without case, RFC 8601 §5); every other octet kept (line ends as CRLF).
     */
    public byte[] removeOurs(byte[] message) {
        RawMessage raw = RawMessage.parse(message);
        ByteArrayOutputStream out = new ByteArrayOutputStream(message.length);
        boolean removed = false;
        for (HeaderField h : raw.headers()) {
            if (claimsOurId(h)) {
                removed = true;
                continue;
            }
            out.writeBytes(h.raw().getBytes(StandardCharsets.ISO_8859_1));
        }
        if (!removed) {
            return raw.bytes();
        }
        out.write('\r');
        out.write('\n');
        out.write(raw.data(), raw.bodyStart(), raw.bodyLength());
        return out.toByteArray();
    }

    /**
     * True if {@code field} is an Authentication-Results field claiming our authserv-id: such a
     * field on an incoming message is forged and must be dropped before delivery (RFC 8601 §5).
     */
    public boolean claimsOurId(HeaderField field) {
        return field.is("Authentication-Results") && authservIdOf(field.value()).equalsIgnoreCase(authservId);
    }

    /** The authserv-id of an Authentication-Results value: the first token, comments skipped. */
    static String authservIdOf(String value) {
        StringBuilder sb = new StringBuilder();
        int depth = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth = Math.max(0, depth - 1);
            } else if (depth == 0) {
                if (c == ';' || ((c == ' ' || c == '\t') && !sb.isEmpty())) {
                    break;
                }
                if (c != ' ' && c != '\t' && c != '"') {
                    sb.append(c);
                }
            }
        }
        return sb.toString().toLowerCase(Locale.ROOT);
    }

    private static String pvalue(String v) {
        boolean token = !v.isEmpty() && v.chars().allMatch(c -> c > 0x20 && c < 0x7f && "()<>,;:\\\"[]?= ".indexOf(c) < 0
                || c == '@');
        return token ? v : quoted(v);
    }

    private static String quoted(String v) {
        StringBuilder sb = new StringBuilder("\"");
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c == '"' || c == '\\') {
                sb.append('\\');
            }
            sb.append(c < 0x20 ? ' ' : c);
        }
        return sb.append('"').toString();
    }

    private static String comment(String v) {
        return v.replace("(", "[").replace(")", "]").replace("\\", "/").replaceAll("[\\r\\n]", " ");
    }
}
