package dev.yubin.smtp.client;

import dev.yubin.smtp.client.Extensions.Keyword;
import dev.yubin.store.queue.BodyType;
import dev.yubin.store.queue.Notify;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.stream.Collectors;

/** The MAIL FROM and RCPT TO lines, with only the parameters the server announced. */
final class Commands {
    private Commands() {
    }

    /**
     * RFC 5321 §4.1.1.2 with SIZE (RFC 1870), BODY (RFC 6152), SMTPUTF8 (RFC 6531), RET/ENVID
     * (RFC 3461) and AUTH (RFC 4954 §5).
     */
    static String mail(ClientEnvelope e, long size, Extensions ext) {
        StringBuilder sb = new StringBuilder("MAIL FROM:<").append(e.sender()).append('>');
        if (ext.has(Keyword.SIZE)) {
            sb.append(" SIZE=").append(size);
        }
        if (ext.has(Keyword.EIGHTBITMIME) && e.body() != BodyType.UNSPECIFIED) {
            sb.append(e.body() == BodyType.EIGHT_BIT_MIME ? " BODY=8BITMIME" : " BODY=7BIT");
        }
        if (ext.has(Keyword.SMTPUTF8) && e.requiresSmtpUtf8()) {
            sb.append(" SMTPUTF8");
        }
        if (ext.has(Keyword.DSN)) {
            e.ret().ifPresent(r -> sb.append(" RET=").append(r.name()));
            e.envelopeId().ifPresent(id -> sb.append(" ENVID=").append(xtext(id)));
        }
        if (ext.has(Keyword.AUTH)) {
            // RFC 4954 §5: only to a server that announced AUTH; <> when the original submitter is not known
            sb.append(" AUTH=").append(e.authSubmitter().map(Commands::xtext).orElse("<>"));
        }
        return sb.toString();
    }

    /** RFC 5321 §4.1.1.3 with NOTIFY and ORCPT (RFC 3461 §4.1, §4.2) when DSN is announced. */
    static String rcpt(ClientEnvelope.Rcpt r, Extensions ext) {
        StringBuilder sb = new StringBuilder("RCPT TO:<").append(r.address()).append('>');
        if (ext.has(Keyword.DSN)) {
            if (!r.notifyOn().isEmpty()) {
                sb.append(" NOTIFY=").append(r.notifyOn().stream().sorted().map(Notify::name)
                        .collect(Collectors.joining(",")));
            }
            r.originalRecipient().ifPresent(o -> {
                int semi = o.indexOf(';');
                if (semi > 0) {
                    sb.append(" ORCPT=").append(o.substring(0, semi).toLowerCase(Locale.ROOT)).append(';')
                            .append(xtext(o.substring(semi + 1)));
                }
            });
        }
        return sb.toString();
    }

    /** RFC 3461 §4: "+" and "=" and octets outside 33..126 become {@code +HH}. */
    static String xtext(String s) {
        StringBuilder sb = new StringBuilder();
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c < 33 || c > 126 || c == '+' || c == '=') {
                sb.append('+').append(String.format(Locale.ROOT, "%02X", c));
            } else {
                sb.append((char) c);
            }
        }
        return sb.toString();
    }
}
